-- Multi-tenant SaaS: every row belongs to a tenant; members, roles, projects, invitations, an
-- audit log and billing. Tenant-scoped tables lead their keys with tenant_id.
CREATE TABLE tenant (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  slug text NOT NULL UNIQUE,
  plan text NOT NULL DEFAULT 'free' CHECK (plan IN ('free', 'team', 'enterprise')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE app_user (
  id uuid PRIMARY KEY,
  email text NOT NULL UNIQUE,
  full_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE role (
  tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
  name text NOT NULL,
  permissions text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (tenant_id, name)
);
CREATE TABLE membership (
  tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  role_name text NOT NULL,
  joined_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, user_id),
  FOREIGN KEY (tenant_id, role_name) REFERENCES role (tenant_id, name)
);
CREATE INDEX membership_user_idx ON membership (user_id);
CREATE INDEX membership_role_idx ON membership (tenant_id, role_name);
CREATE TABLE invitation (
  tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
  email text NOT NULL,
  invited_by uuid NOT NULL REFERENCES app_user (id),
  token text NOT NULL UNIQUE,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, email)
);
CREATE INDEX invitation_invited_by_idx ON invitation (invited_by);
CREATE TABLE project (
  tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  name text NOT NULL,
  archived_at timestamptz,
  PRIMARY KEY (tenant_id, id)
);
CREATE TABLE task (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL,
  project_id uuid NOT NULL,
  assignee_id uuid REFERENCES app_user (id),
  title text NOT NULL,
  done boolean NOT NULL DEFAULT false,
  due_on date,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, project_id) REFERENCES project (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX task_project_idx ON task (tenant_id, project_id);
CREATE INDEX task_assignee_idx ON task (assignee_id);
CREATE TABLE audit_event (
  tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
  id bigint GENERATED ALWAYS AS IDENTITY,
  actor_id uuid REFERENCES app_user (id),
  action text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}',
  happened_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_event_time_idx ON audit_event (tenant_id, happened_at DESC);
CREATE INDEX audit_event_actor_idx ON audit_event (actor_id);
CREATE TABLE subscription (
  tenant_id uuid PRIMARY KEY REFERENCES tenant (id) ON DELETE CASCADE,
  provider_customer_id text NOT NULL UNIQUE,
  seats integer NOT NULL CHECK (seats > 0),
  renews_on date NOT NULL
);
