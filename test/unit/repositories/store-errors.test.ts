import { ConflictError, StoreUnavailableError } from '../../../lambda/src/errors';
import {
  StoreAccessDeniedError,
  storeCall,
  translateStoreError,
} from '../../../lambda/src/repositories/store-errors';

/** An error as the AWS SDK throws it: a plain Error whose name is DynamoDB's error code. */
function awsError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $fault: 'client' });
}

// AWS's own wording for a call the role may not make (ids shortened).
const ACCESS_DENIED = awsError(
  'AccessDeniedException',
  'User: arn:aws:sts::123456789012:assumed-role/FrontDesk-BackendHandlerRole-AbC/FrontDesk-BackendHandler-XyZ ' +
    'is not authorized to perform: dynamodb:UpdateItem on resource: ' +
    'arn:aws:dynamodb:us-east-1:123456789012:table/FrontDesk-BackendUsersTable-1A2B3C ' +
    'because no identity-based policy allows the dynamodb:UpdateItem action',
);

describe('translateStoreError', () => {
  it('names the refused action and table when IAM refuses a call, and still counts as the store being unavailable', () => {
    // Act
    const error = translateStoreError(ACCESS_DENIED, 'saveAttributes');
    // Assess
    expect(error).toBeInstanceOf(StoreAccessDeniedError);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error).toMatchObject({
      name: 'StoreAccessDeniedError',
      action: 'dynamodb:UpdateItem',
      resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/FrontDesk-BackendUsersTable-1A2B3C',
      cause: ACCESS_DENIED,
    });
    expect(error.message).toBe(
      'saveAttributes was refused by IAM: the role may not dynamodb:UpdateItem on ' +
        'arn:aws:dynamodb:us-east-1:123456789012:table/FrontDesk-BackendUsersTable-1A2B3C',
    );
  });

  it('keeps an access denial whose message names nothing an access denial', () => {
    // Act
    const error = translateStoreError(awsError('AccessDeniedException', 'Access denied'), 'findContact');
    // Assess
    expect(error).toBeInstanceOf(StoreAccessDeniedError);
    expect(error).toMatchObject({ action: undefined, resource: undefined });
  });

  it('rethrows a validation error as it is: the request is malformed, and retrying cannot help', () => {
    // Prepare
    const invalid = awsError('ValidationException', 'Item size has exceeded the maximum allowed size');
    // Act
    const error = translateStoreError(invalid, 'saveAttributes');
    // Assess
    expect(error).toBe(invalid);
    expect(error).not.toBeInstanceOf(StoreUnavailableError);
  });

  it.each([
    ['ConditionalCheckFailedException', ConflictError],
    ['ResourceNotFoundException', StoreUnavailableError],
    ['ProvisionedThroughputExceededException', StoreUnavailableError],
    ['TimeoutError', StoreUnavailableError],
  ])('turns %s into a %p', (name, expected) => {
    // Act
    const error = translateStoreError(awsError(name, 'x'), 'findContact');
    // Assess
    expect(error).toBeInstanceOf(expected);
    expect(error).not.toBeInstanceOf(StoreAccessDeniedError);
  });

  it('storeCall rejects with the translated error', async () => {
    // Act
    const call = storeCall('saveAttributes', () => Promise.reject(ACCESS_DENIED));
    // Assess
    await expect(call).rejects.toThrow(StoreAccessDeniedError);
  });
});
