/**
 * What a handler reads from its environment. In AWS the CDK sets these; locally the embedded
 * stack does (endpoints point at DynamoDB Local and cognito-local).
 */
export interface RuntimeEnv {
  tableName: string;
  region: string;
  /** Set locally only: DynamoDB Local's URL. */
  dynamodbEndpoint?: string;
  /** Set locally only: cognito-local's URL. */
  cognitoEndpoint?: string;
  userPoolId: string;
  stage: 'local' | 'aws';
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): RuntimeEnv {
  return {
    tableName: env.TABLE_NAME ?? 'beatlink',
    region: env.AWS_REGION ?? 'ap-east-1',
    dynamodbEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    cognitoEndpoint: env.COGNITO_ENDPOINT || undefined,
    userPoolId: env.USER_POOL_ID ?? '',
    stage: env.APP_STAGE === 'aws' ? 'aws' : 'local',
  };
}
