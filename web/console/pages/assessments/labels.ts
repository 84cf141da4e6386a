/** Tag colours by stage, shared by the list and the round's page. */
export const stateColour = { draft: 'grey', open: 'blue', closed: 'purple', published: 'green' } as const;
