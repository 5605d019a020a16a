import type { MemberRole } from '@/lib/admin/admin-values';

export const ROLE_LABELS: Readonly<Record<MemberRole, string>> = { csm: 'CSM', manager: 'Manager', admin: 'Admin' };
export const ROLES = Object.keys(ROLE_LABELS) as MemberRole[];
