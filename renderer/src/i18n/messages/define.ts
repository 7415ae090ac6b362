/** One domain's UI strings in both languages; the English must have every key the Chinese has. */
export function defineMessages<T extends Record<string, unknown>>(messages: { zhCN: T; en: NoInfer<T> }): { zhCN: T; en: T } {
  return messages;
}
