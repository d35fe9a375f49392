// The test's own HTTP client for the back office API (real HTTP, like the extension).
import {
  API,
  type ApplicationDetail,
  type ApplicationListResponse,
  type ApplicationStatus,
  type SignInResponse,
} from '../../shared/api.ts';

export class BackOffice {
  private token = '';
  staffDisplayName = '';
  constructor(private readonly base: string) {}

  async signIn(credentials: { username: string; password: string }): Promise<void> {
    const r = await fetch(this.base + API.session, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    });
    if (r.status !== 200) throw new Error(`sign-in ${r.status}`);
    const session = (await r.json()) as SignInResponse;
    this.token = session.token;
    this.staffDisplayName = session.staff.displayName;
  }

  async list(status: ApplicationStatus): Promise<ApplicationListResponse['applications']> {
    return ((await this.get(`${API.applications}?status=${status}`)) as ApplicationListResponse).applications;
  }

  detail(id: string): Promise<ApplicationDetail> {
    return this.get(API.application(id)) as Promise<ApplicationDetail>;
  }

  private async get(path: string): Promise<unknown> {
    const r = await fetch(this.base + path, { headers: { authorization: `Bearer ${this.token}` } });
    if (!r.ok) throw new Error(`${path} → ${r.status}`);
    return r.json();
  }
}
