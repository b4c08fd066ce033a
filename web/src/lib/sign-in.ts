import { confirmSignIn, signIn } from 'aws-amplify/auth';
import { ensureAuth } from './auth';

/*
 * Signing in pulls in Amplify's sign-in flows (SRP included), the biggest part of Amplify Auth;
 * the sign-in page loads this module on demand so its first load stays within the phone budget.
 */

export type SignInOutcome = 'signedIn' | 'newPasswordRequired';

export async function signInWithPassword(username: string, password: string): Promise<SignInOutcome> {
  const config = await ensureAuth();
  const result = await signIn({
    username: username.trim(),
    password,
    // cognito-local speaks USER_PASSWORD_AUTH only (no SRP); AWS uses SRP.
    options: config.userPoolEndpoint ? { authFlowType: 'USER_PASSWORD_AUTH' } : {},
  });
  return outcomeOf(result.isSignedIn, result.nextStep.signInStep);
}

/** Answers NEW_PASSWORD_REQUIRED (accounts created with a temporary password). */
export async function setNewPassword(newPassword: string): Promise<SignInOutcome> {
  await ensureAuth();
  const result = await confirmSignIn({ challengeResponse: newPassword });
  return outcomeOf(result.isSignedIn, result.nextStep.signInStep);
}

function outcomeOf(isSignedIn: boolean, step: string): SignInOutcome {
  if (isSignedIn || step === 'DONE') return 'signedIn';
  if (step === 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED') return 'newPasswordRequired';
  throw new Error(`不支持的登录步骤：${step}`);
}
