CREATE TABLE t (
  id int NOT NULL WIBBLE WOBBLE,
  name varchar(40) FROBNICATE (1, 'x,y', (2)) DEFAULT 'a,b' NOT NULL,
  score numeric(5,2) NULL SPLONK WITH (LEVEL = 9, MODE = 'a)b'),
  CONSTRAINT odd FROBNICATE (id),
  PERIOD FOR WOBBLE (id, score),
  PRIMARY KEY (id),
  CHECK (score > 0),
) ZORP = 1;
CREATE INDEX i ON t (name) WIBBLE;
