/** A conditional write that found the item not as required (DynamoDB's ConditionalCheckFailedException). */
export const isConditionFailure = (error: unknown): boolean => (error as { name?: string }).name === 'ConditionalCheckFailedException';
