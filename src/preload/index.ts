/** Preload. STUB — the desktop area exposes PortScopeApi through contextBridge here. */
export {};
