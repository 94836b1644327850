-- Prompt library: people keep prompts, version them, tag them and mark favourites.
CREATE TABLE app_user (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL UNIQUE,
  display_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE user_profile (
  user_id bigint PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
  bio text,
  avatar_url text,
  preferred_model text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE prompt (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  title text NOT NULL,
  visibility text NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'shared', 'public')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX prompt_owner_idx ON prompt (owner_id, updated_at DESC);
CREATE TABLE prompt_version (
  prompt_id bigint NOT NULL REFERENCES prompt (id) ON DELETE CASCADE,
  version integer NOT NULL,
  body text NOT NULL,
  model text,
  temperature numeric(3, 2),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (prompt_id, version)
);
CREATE TABLE tag (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL UNIQUE
);
CREATE TABLE prompt_tag (
  prompt_id bigint NOT NULL REFERENCES prompt (id) ON DELETE CASCADE,
  tag_id bigint NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
  PRIMARY KEY (prompt_id, tag_id)
);
CREATE INDEX prompt_tag_tag_idx ON prompt_tag (tag_id);
CREATE TABLE favourite (
  user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  prompt_id bigint NOT NULL REFERENCES prompt (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, prompt_id)
);
CREATE INDEX favourite_prompt_idx ON favourite (prompt_id);
