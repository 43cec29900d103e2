export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
