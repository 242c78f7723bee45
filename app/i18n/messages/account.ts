/** Messages of signing in and out and of the account pages. */
export const account = {
  "account.login.title": { zh: "登录", en: "Sign in" },
  "account.login.username": { zh: "用户名", en: "Username" },
  "account.login.password": { zh: "密码", en: "Password" },
  "account.login.submit": { zh: "登录", en: "Sign in" },
  "account.login.error.username": { zh: "请输入用户名", en: "Enter your username" },
  "account.login.error.password": { zh: "请输入密码", en: "Enter your password" },
  "account.login.error.invalid": {
    zh: "用户名或密码不正确。",
    en: "Username or password is incorrect.",
  },
  "account.login.error.locked": {
    zh: "登录失败次数过多，请 {minutes} 分钟后再试。",
    en: "Too many failed sign-ins: try again in {minutes} minutes.",
  },
  "account.login.error.lockedOneMinute": {
    zh: "登录失败次数过多，请 1 分钟后再试。",
    en: "Too many failed sign-ins: try again in 1 minute.",
  },
  "account.login.error.busy": {
    zh: "登录请求过多，请稍后再试。",
    en: "Too many sign-ins at the moment: try again in a few seconds.",
  },
  "account.password.title": { zh: "修改密码", en: "Change password" },
  "account.password.done": {
    zh: "密码已修改，其他设备上的登录已退出。",
    en: "Your password was changed; your other sessions were signed out.",
  },
  "account.password.current": { zh: "当前密码", en: "Current password" },
  "account.password.new": { zh: "新密码", en: "New password" },
  "account.password.submit": { zh: "修改密码", en: "Change password" },
  "account.password.error.current": { zh: "请输入当前密码", en: "Enter your current password" },
  "account.password.error.new": {
    zh: "密码须为 12–256 个字符",
    en: "The password must be 12–256 characters",
  },
  "account.password.error.confirm": {
    zh: "两次输入的新密码不一致",
    en: "The new passwords differ",
  },
  "account.password.error.locked": {
    zh: "当前密码错误次数过多，请 {minutes} 分钟后再试。",
    en: "Too many wrong passwords: try again in {minutes} min.",
  },
  "account.password.error.busy": {
    zh: "请求过多，请稍后再试。",
    en: "Too many requests at the moment: try again in a few seconds.",
  },
  "account.password.error.wrongCurrent": {
    zh: "当前密码不正确",
    en: "The current password is incorrect",
  },
} as const satisfies Record<string, { zh: string; en: string }>;
