-- Blog / CMS: authors, posts with revisions, categories and tags, comments in threads, media.
CREATE TABLE author (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL UNIQUE,
  display_name text NOT NULL,
  bio text
);
CREATE TABLE category (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  slug text NOT NULL UNIQUE
);
CREATE TABLE post (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  author_id bigint NOT NULL REFERENCES author (id),
  category_id bigint REFERENCES category (id),
  slug text NOT NULL UNIQUE,
  title text NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'published', 'archived')),
  published_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX post_author_idx ON post (author_id);
CREATE INDEX post_category_idx ON post (category_id);
CREATE INDEX post_published_idx ON post (published_at DESC) WHERE status = 'published';
CREATE TABLE post_revision (
  post_id bigint NOT NULL REFERENCES post (id) ON DELETE CASCADE,
  revision integer NOT NULL,
  body text NOT NULL,
  edited_by bigint NOT NULL REFERENCES author (id),
  edited_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (post_id, revision)
);
CREATE INDEX post_revision_editor_idx ON post_revision (edited_by);
CREATE TABLE tag (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL UNIQUE
);
CREATE TABLE post_tag (
  post_id bigint NOT NULL REFERENCES post (id) ON DELETE CASCADE,
  tag_id bigint NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
  PRIMARY KEY (post_id, tag_id)
);
CREATE INDEX post_tag_tag_idx ON post_tag (tag_id);
CREATE TABLE comment (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  post_id bigint NOT NULL REFERENCES post (id) ON DELETE CASCADE,
  parent_id bigint REFERENCES comment (id) ON DELETE CASCADE,
  author_name text NOT NULL,
  author_email text NOT NULL,
  body text NOT NULL,
  approved boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX comment_post_idx ON comment (post_id, created_at);
CREATE INDEX comment_parent_idx ON comment (parent_id);
CREATE TABLE media (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  uploaded_by bigint NOT NULL REFERENCES author (id),
  file_name text NOT NULL,
  mime_type text NOT NULL,
  bytes bigint NOT NULL CHECK (bytes >= 0),
  alt_text text,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX media_uploaded_by_idx ON media (uploaded_by);
