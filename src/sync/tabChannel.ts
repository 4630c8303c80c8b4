/** The channel the tabs of one map on this device talk on (./tabPeers.ts); apart, so that listening costs no Yjs. */
export const tabChannelName = (mapId: string) => `journeyboard-tabs:${mapId}`;
