// Shapes of the partner staff page as components receive them (pure: no server code, safe in the browser).

export interface StaffClient {
  merchantId: string;
  name: string;
  orgNo: string;
  ledgerCount: number;
}
