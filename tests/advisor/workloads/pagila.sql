-- The queries of a DVD-rental application on pagila (PostgreSQL). Each statement may be
-- preceded by `-- frequency: N` (how often it runs, relative; 1 when not said) and by
-- `-- params: v1, v2` (values for $1, $2 that tests/advisor/run executes the plans with).

-- A customer's rental history, newest first.
-- frequency: 50
-- params: 4242
SELECT rental_id, rental_date, return_date FROM rental WHERE customer_id = $1 ORDER BY rental_date DESC LIMIT 20;

-- What a customer has out now.
-- frequency: 30
-- params: 4242
SELECT r.rental_id, f.title, r.rental_date
FROM rental r
JOIN inventory i ON i.inventory_id = r.inventory_id
JOIN film f ON f.film_id = i.film_id
WHERE r.customer_id = $1 AND r.return_date IS NULL;

-- Log-in by e-mail, whatever its case.
-- frequency: 40
-- params: 'CUSTOMER4242@SAKILACUSTOMER.ORG'
SELECT customer_id, first_name, last_name FROM customer WHERE lower(email) = lower($1);

-- The counter looks a customer up by last name in its store.
-- frequency: 20
-- params: 3, 'NAME0042'
SELECT customer_id, first_name, last_name FROM customer WHERE store_id = $1 AND last_name = $2 AND activebool;

-- A store's active customers, alphabetically.
-- frequency: 5
-- params: 3
SELECT customer_id, first_name, last_name FROM customer WHERE store_id = $1 AND activebool ORDER BY last_name LIMIT 50;

-- Films by title prefix (idx_title serves it already).
-- frequency: 30
SELECT film_id, title FROM film WHERE title LIKE 'FILM 12%' ORDER BY title LIMIT 20;

-- Full-text film search (film_fulltext_idx serves it already).
-- frequency: 10
-- params: 'drama'
SELECT film_id, title FROM film WHERE fulltext @@ to_tsquery('english', $1);

-- Films with a special feature.
-- frequency: 5
-- params: ARRAY['Director Cut']
SELECT film_id, title FROM film WHERE special_features @> $1;

-- Actors by last name (idx_actor_last_name serves it already).
-- frequency: 5
-- params: 'NAME0042'
SELECT actor_id, first_name FROM actor WHERE last_name = $1;

-- Copies of a film in a store (idx_store_id_film_id serves it already).
-- frequency: 20
-- params: 77, 3
SELECT inventory_id FROM inventory WHERE film_id = $1 AND store_id = $2;

-- A store's customers with how many rentals each: a subquery per row.
-- frequency: 2
-- params: 3
SELECT c.customer_id, (SELECT count(*) FROM rental r WHERE r.customer_id = c.customer_id) AS rentals
FROM customer c WHERE c.store_id = $1 LIMIT 10;

-- Description search with a leading wildcard.
-- frequency: 1
SELECT * FROM film WHERE description LIKE '%Drama%';

-- Returning a rental, and renting.
-- frequency: 20
-- params: now(), 1000
UPDATE rental SET return_date = $1 WHERE rental_id = $2;

-- frequency: 20
-- params: now(), 10, 4242, 1
INSERT INTO rental (rental_date, inventory_id, customer_id, staff_id) VALUES ($1, $2, $3, $4);

-- A customer's payments (payment is partitioned; every partition has an index on customer_id).
-- frequency: 10
-- params: 4242
SELECT payment_id, amount, payment_date FROM payment WHERE customer_id = $1;
