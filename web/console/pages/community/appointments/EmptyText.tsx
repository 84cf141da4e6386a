/** An empty list's words, dark enough to read (antd's own grey fails WCAG contrast). */
export const EmptyText = ({ children }: { children: string }) => <span style={{ color: '#595959' }}>{children}</span>;
