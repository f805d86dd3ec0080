// Runs in browser, worker and Node. What the account forms send to the server.
import { z } from 'zod';
import { storableText } from './text';

/** 12-256 characters of any script, counted in code points and never truncated. */
export const passwordSchema = storableText()
  .refine((p) => [...p].length >= 12, 'A password has at least 12 characters.')
  .refine((p) => [...p].length <= 256, 'A password has at most 256 characters.');

export const emailSchema = z.email({ error: 'Enter a valid email address.' }).max(254);

export const signUpSchema = z.object({ email: emailSchema, password: passwordSchema });
export type SignUp = z.infer<typeof signUpSchema>;

/** Login accepts any strings (within bounds): a rule change must not lock old passwords out. */
export const logInSchema = z.object({
  email: storableText().max(254),
  password: storableText().max(1024),
});
export type LogIn = z.infer<typeof logInSchema>;

export const changePasswordSchema = z.object({
  currentPassword: storableText().max(1024),
  newPassword: passwordSchema,
});
export type ChangePassword = z.infer<typeof changePasswordSchema>;

export const deleteAccountSchema = z.object({ password: storableText().max(1024) });
export type DeleteAccount = z.infer<typeof deleteAccountSchema>;

export const accountSchema = z.object({ id: z.string(), email: z.string(), createdAt: z.string() });
export type Account = z.infer<typeof accountSchema>;
