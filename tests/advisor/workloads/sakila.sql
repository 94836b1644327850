-- The queries of a DVD-rental application on sakila (PostgreSQL port). `-- frequency: N` and
-- `-- params: v1, v2` as in pagila.sql.

-- The day's takings.
-- frequency: 10
-- params: '2022-03-01', '2022-03-02'
SELECT payment_id, customer_id, amount FROM payment WHERE payment_date >= $1 AND payment_date < $2;

-- A customer's balance (idx_fk_customer_id serves it already).
-- frequency: 30
-- params: 4242
SELECT sum(amount) FROM payment WHERE customer_id = $1;

-- A customer's rental history, newest first.
-- frequency: 50
-- params: 4242
SELECT rental_id, rental_date, return_date FROM rental WHERE customer_id = $1 ORDER BY rental_date DESC LIMIT 20;

-- Log-in by e-mail.
-- frequency: 40
-- params: 'customer4242@sakilacustomer.org'
SELECT customer_id, first_name, last_name FROM customer WHERE email = $1;

-- Browsing films of a rating by length.
-- frequency: 10
-- params: 'PG', 90, 100
SELECT film_id, title, length FROM film WHERE rating = $1 AND length BETWEEN $2 AND $3 ORDER BY length LIMIT 20;

-- Addresses by postal code.
-- frequency: 5
-- params: '40042'
SELECT address_id, address, district FROM address WHERE postal_code = $1;

-- Cities of a country (idx_fk_country_id serves it already).
-- frequency: 5
-- params: 7
SELECT city_id, city FROM city WHERE country_id = $1;

-- Customers who rented since a date: DISTINCT over a join.
-- frequency: 1
-- params: '2022-06-25'
SELECT DISTINCT c.customer_id, c.email FROM customer c JOIN rental r ON r.customer_id = c.customer_id WHERE r.rental_date >= $1;

-- A random pick of films.
-- frequency: 1
SELECT film_id, title FROM film ORDER BY random() LIMIT 5;

-- Paging through customers.
-- frequency: 1
SELECT customer_id, first_name, last_name FROM customer ORDER BY last_name LIMIT 20 OFFSET 5000;

-- Refunds.
-- frequency: 2
-- params: 1000
DELETE FROM payment WHERE payment_id = $1;
