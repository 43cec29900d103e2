/**
 * The ids of canIUse's behaviour rules (apis/system.ts), which every answer applies wherever it is given:
 * the host, or the guest's table (support.ts canIUseAnswers). Apart, so the guest bundle takes no schemas.
 */
export const canIUseRuleIds = { schemaForms: 'schema-forms', registryAnswers: 'registry-answers', guestTable: 'guest-answer-table' } as const;
