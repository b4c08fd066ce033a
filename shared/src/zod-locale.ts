import { z } from 'zod';

// Field errors reach officers in the portal, so zod speaks Chinese everywhere the schemas run.
z.config(z.locales.zhCN());
