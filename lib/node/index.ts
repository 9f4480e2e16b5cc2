// Entry point of marketprophit-rx/node: filled by the Node adapters issue.
export {};
