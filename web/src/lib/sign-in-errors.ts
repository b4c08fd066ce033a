/** Chinese messages for Cognito's sign-in failures (Amplify passes the service error name through). */
export function signInErrorMessage(error: unknown, step: 'signIn' | 'newPassword'): string {
  const name = typeof error === 'object' && error !== null ? String((error as { name?: unknown }).name ?? '') : '';
  const message = error instanceof Error ? error.message : '';
  if (error instanceof TypeError || name === 'NetworkError' || /network|failed to fetch/i.test(message)) {
    return '无法连接登录服务，请检查网络后重试';
  }
  if (step === 'newPassword') {
    if (name === 'InvalidPasswordException') return '新密码不符合要求：至少 8 位，须包含大写字母、小写字母、数字和符号';
    if (name === 'NotAuthorizedException' || name === 'CodeMismatchException' || name === 'ExpiredCodeException') {
      return '登录会话已过期，请重新登录';
    }
  }
  switch (name) {
    case 'NotAuthorizedException':
      if (/disabled/i.test(message)) return '账号已停用，请联系管理员';
      if (/attempts exceeded/i.test(message)) return '尝试次数过多，请稍后再试';
      return '用户名或密码错误';
    // cognito-local answers a wrong password with InvalidPasswordException; AWS hides unknown users.
    case 'InvalidPasswordException':
    case 'UserNotFoundException':
      return '用户名或密码错误';
    case 'EmptySignInUsername':
      return '请输入用户名';
    case 'EmptySignInPassword':
      return '请输入密码';
    case 'PasswordResetRequiredException':
      return '密码已被重置，请联系管理员获取新的临时密码';
    case 'UserNotConfirmedException':
      return '账号尚未激活，请联系管理员';
    case 'LimitExceededException':
    case 'TooManyRequestsException':
    case 'TooManyFailedAttemptsException':
      return '尝试次数过多，请稍后再试';
    case 'UserAlreadyAuthenticatedException':
      return '已登录，正在进入系统';
    default:
      return '登录失败，请稍后重试';
  }
}
