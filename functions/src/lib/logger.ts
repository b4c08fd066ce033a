import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One logger per process. Log ids and codes, never tokens, credentials, bodies or personal data
 * (names, phones): the request event is never logged.
 */
export const logger = new Logger({ serviceName: 'beatlink' });
