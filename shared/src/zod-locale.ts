import * as z from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

// Field errors reach officers in the portal, so zod speaks Chinese everywhere the schemas run.
// Only the zh-CN locale is imported: the `z.locales` namespace would bundle every language.
z.config(zhCN());
