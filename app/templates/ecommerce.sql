-- E-commerce: a catalogue with variants and stock, customers, carts, orders, payments, shipments.
CREATE TABLE customer (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL UNIQUE,
  full_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE address (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
  line1 text NOT NULL,
  line2 text,
  city text NOT NULL,
  postal_code text NOT NULL,
  country_code char(2) NOT NULL
);
CREATE INDEX address_customer_idx ON address (customer_id);
CREATE TABLE category (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  parent_id bigint REFERENCES category (id),
  name text NOT NULL,
  slug text NOT NULL UNIQUE
);
CREATE INDEX category_parent_idx ON category (parent_id);
CREATE TABLE product (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  category_id bigint NOT NULL REFERENCES category (id),
  name text NOT NULL,
  description text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX product_category_idx ON product (category_id);
CREATE TABLE product_variant (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  product_id bigint NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  sku text NOT NULL UNIQUE,
  price numeric(12, 2) NOT NULL CHECK (price >= 0),
  stock integer NOT NULL DEFAULT 0 CHECK (stock >= 0)
);
CREATE INDEX product_variant_product_idx ON product_variant (product_id);
CREATE TABLE cart_item (
  customer_id bigint NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
  variant_id bigint NOT NULL REFERENCES product_variant (id),
  quantity integer NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (customer_id, variant_id)
);
CREATE INDEX cart_item_variant_idx ON cart_item (variant_id);
CREATE TABLE customer_order (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customer (id),
  shipping_address_id bigint NOT NULL REFERENCES address (id),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled')),
  placed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customer_order_customer_idx ON customer_order (customer_id, placed_at DESC);
CREATE INDEX customer_order_address_idx ON customer_order (shipping_address_id);
CREATE TABLE order_line (
  order_id bigint NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
  line_no integer NOT NULL,
  variant_id bigint NOT NULL REFERENCES product_variant (id),
  quantity integer NOT NULL CHECK (quantity > 0),
  unit_price numeric(12, 2) NOT NULL,
  PRIMARY KEY (order_id, line_no)
);
CREATE INDEX order_line_variant_idx ON order_line (variant_id);
CREATE TABLE payment (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES customer_order (id),
  amount numeric(12, 2) NOT NULL,
  provider text NOT NULL,
  provider_reference text NOT NULL,
  paid_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (provider, provider_reference)
);
CREATE INDEX payment_order_idx ON payment (order_id);
CREATE TABLE shipment (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES customer_order (id),
  carrier text NOT NULL,
  tracking_number text,
  shipped_at timestamptz
);
CREATE INDEX shipment_order_idx ON shipment (order_id);
