-- Generated rows for the pagila and sakila schemas (the same tables and columns), enough that
-- indexes matter: 300k rentals and payments, 40k customers, 30k films. Foreign keys are
-- respected by construction; triggers, rules and foreign key checks are off while loading
-- (session_replication_role = replica), so the film full-text column is filled here.
-- Rental and payment dates grow with their ids, as rows appended over time do.
\set ON_ERROR_STOP on
SET session_replication_role = replica;
SELECT setseed(0.42);

INSERT INTO country (country_id, country)
SELECT n, 'Country ' || n FROM generate_series(1, 100) n;
INSERT INTO city (city_id, city, country_id)
SELECT n, 'City ' || n, 1 + n % 100 FROM generate_series(1, 1000) n;
INSERT INTO address (address_id, address, district, city_id, postal_code, phone)
SELECT n, n || ' Main Street', 'District ' || n % 50, 1 + n % 1000,
       lpad((n % 90000 + 10000)::text, 5, '0'), '555-' || n
FROM generate_series(1, 45000) n;
INSERT INTO language (language_id, name)
SELECT n, (ARRAY['English', 'Italian', 'Japanese', 'Mandarin', 'French', 'German'])[n]
FROM generate_series(1, 6) n;
INSERT INTO category (category_id, name)
SELECT n, 'Category ' || n FROM generate_series(1, 16) n;
INSERT INTO actor (actor_id, first_name, last_name)
SELECT n, 'FIRST' || n % 300, 'NAME' || lpad((n % 1000)::text, 4, '0')
FROM generate_series(1, 5000) n;

INSERT INTO film (film_id, title, description, release_year, language_id, rental_duration,
                  rental_rate, length, replacement_cost, rating, special_features, fulltext)
SELECT n, 'FILM ' || n,
       'A ' || (ARRAY['Drama', 'Comedy', 'Thriller', 'Documentary'])[1 + n % 4] || ' of a ' ||
       (ARRAY['dog', 'astronaut', 'teacher', 'robot', 'pirate'])[1 + n % 5] || ' in ' ||
       (ARRAY['Paris', 'a shark tank', 'the Canadian Rockies', 'Nigeria'])[1 + n % 4],
       2000 + n % 20, 1 + n % 6, 3 + n % 5, 0.99 + n % 3 * 2, 46 + n % 140, 9.99 + n % 20,
       (ARRAY['G', 'PG', 'PG-13', 'R', 'NC-17'])[1 + n % 5]::mpaa_rating,
       CASE WHEN n % 500 = 0 THEN ARRAY['Trailers', 'Director Cut']
            WHEN n % 2 = 0 THEN ARRAY['Trailers', 'Deleted Scenes']
            ELSE ARRAY['Commentaries'] END,
       to_tsvector('english', 'FILM ' || n || ' ' ||
                   (ARRAY['Drama', 'Comedy', 'Thriller', 'Documentary'])[1 + n % 4])
FROM generate_series(1, 30000) n;
INSERT INTO film_actor (actor_id, film_id)
SELECT 1 + (n * 7 + k * 1013) % 5000, n FROM generate_series(1, 30000) n, generate_series(1, 3) k;
INSERT INTO film_category (film_id, category_id)
SELECT n, 1 + n % 16 FROM generate_series(1, 30000) n;

INSERT INTO store (store_id, manager_staff_id, address_id)
SELECT n, n, n FROM generate_series(1, 10) n;
INSERT INTO staff (staff_id, first_name, last_name, address_id, email, store_id, active, username)
SELECT n, 'Staff', 'Member ' || n, 10 + n, 'staff' || n || '@sakilastaff.com', 1 + n % 10, true,
       'staff' || n
FROM generate_series(1, 20) n;
INSERT INTO customer (customer_id, store_id, first_name, last_name, email, address_id,
                      activebool, create_date, active)
SELECT n, 1 + n % 10, 'FIRST' || n % 500, 'NAME' || lpad((n * 37 % 1000)::text, 4, '0'),
       'customer' || n || '@sakilacustomer.org', 1 + n % 45000, n % 33 <> 0,
       date '2021-01-01' + n % 365, CASE WHEN n % 33 = 0 THEN 0 ELSE 1 END
FROM generate_series(1, 40000) n;
INSERT INTO inventory (inventory_id, film_id, store_id)
SELECT n, 1 + n % 30000, 1 + n / 30000 + n % 7 FROM generate_series(1, 100000) n;

-- 300k rentals over 180 days of 2022, the newest 2% not returned yet.
INSERT INTO rental (rental_id, rental_date, inventory_id, customer_id, return_date, staff_id)
SELECT n, timestamp '2022-01-01' + n * interval '51.84 seconds', 1 + (n::bigint * 7919) % 100000,
       1 + (n::bigint * 104729) % 40000,
       CASE WHEN n % 50 = 0 THEN NULL
            ELSE timestamp '2022-01-01' + n * interval '51.84 seconds' + interval '3 days' END,
       1 + n % 20
FROM generate_series(1, 300000) n;
INSERT INTO payment (payment_id, customer_id, staff_id, rental_id, amount, payment_date)
SELECT n, 1 + (n::bigint * 104729) % 40000, 1 + n % 20, n, 0.99 + n % 10,
       timestamp '2022-01-01' + n * interval '51.84 seconds' + interval '1 hour'
FROM generate_series(1, 300000) n;

SET session_replication_role = origin;
ANALYZE;
