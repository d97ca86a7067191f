import { LogOut } from "lucide-react";
import { Button } from "@/components/ui/button";

export interface SignOutButtonProps {
  /** Server action that signs the user out (e.g. wraps next-auth's signOut). */
  action: (formData: FormData) => void | Promise<void>;
  label?: string;
}

/** Sign-out form for AppShell's `userMenu` slot. Label is visible from sm up, screen-reader-only below. Server-safe. */
export function SignOutButton({ action, label = "Sign out" }: SignOutButtonProps) {
  return (
    <form action={action}>
      <Button type="submit" variant="ghost" size="sm" className="px-2 text-muted-foreground hover:text-foreground sm:px-2.5">
        <LogOut aria-hidden="true" />
        <span className="sr-only sm:not-sr-only">{label}</span>
      </Button>
    </form>
  );
}
