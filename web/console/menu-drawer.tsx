import { Drawer, Menu, type MenuProps } from 'antd';

/** The console's menu on a phone, in a drawer: loaded when first opened, so a desk's first screen does not carry it. */
export default function MenuDrawer(props: {
  title: string;
  open: boolean;
  onClose: () => void;
  selected: string;
  items: MenuProps['items'];
}) {
  return (
    <Drawer
      id="console-menu-drawer"
      title={props.title}
      placement="left"
      size={280}
      open={props.open}
      onClose={props.onClose}
      styles={{ body: { padding: 0 } }}
    >
      <Menu mode="inline" selectedKeys={[props.selected]} items={props.items} onClick={props.onClose} />
    </Drawer>
  );
}
