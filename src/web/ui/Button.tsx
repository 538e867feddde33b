import type { ReactNode } from 'react';
import {
  Button as AriaButton,
  type ButtonProps as AriaButtonProps,
  Link as AriaLink,
  type LinkProps,
} from 'react-aria-components';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';

type ButtonProps = Omit<AriaButtonProps, 'className'> & { variant?: ButtonVariant; className?: string };

export function Button({ variant = 'primary', className, ...props }: ButtonProps) {
  return (
    <AriaButton {...props} className={['btn', `btn--${variant}`, className].filter(Boolean).join(' ')} />
  );
}

/** A link that looks like a button: navigation stays a link for assistive technology. */
export function ButtonLink({
  variant = 'primary',
  className,
  children,
  ...props
}: Omit<LinkProps, 'className' | 'children'> & {
  variant?: ButtonVariant;
  className?: string;
  children: ReactNode;
}) {
  return (
    <AriaLink {...props} className={['btn', `btn--${variant}`, className].filter(Boolean).join(' ')}>
      {children}
    </AriaLink>
  );
}
