"""The planner-as-oracle check of the index advisor; run by tests/advisor/run (see there)."""

import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WORKLOADS = {
    # workload file: (corpus schema, database)
    "pagila.sql": ("pg_pagila-schema.sql", "advisor_pagila"),
    "sakila.sql": ("pg_sakila-schema.sql", "advisor_sakila"),
}
PG = dict(
    bin=os.environ["RELVAR_PG_BIN"],
    host=os.environ["RELVAR_PG_HOST"],
    port=os.environ["RELVAR_PG_PORT"],
    user=os.environ["RELVAR_PG_USER"],
)


def psql(database, sql=None, file=None, stop=True):
    command = [f"{PG['bin']}/psql", "-X", "-q", "-A", "-t", "-h", PG["host"], "-p", PG["port"],
               "-U", PG["user"], "-d", database, "-v", f"ON_ERROR_STOP={1 if stop else 0}"]
    command += ["-f", file] if file else ["-c", sql]
    done = subprocess.run(command, capture_output=True, text=True)
    if stop and done.returncode != 0:
        raise SystemExit(f"psql failed on {database}: {done.stderr.strip()[:2000]}")
    return done.stdout


def runnable_schema(name):
    """The corpus schema, made loadable by PostgreSQL 15 without pgvector: what is PostgreSQL
    18's becomes its older equivalent (uuidv7() -> gen_random_uuid(), VIRTUAL generated columns
    -> STORED), and what needs the vector extension is left to fail alone."""
    with open(os.path.join(os.environ["RELVAR_CORPUS"], name)) as source:
        text = source.read()
    text = text.replace("uuidv7()", "gen_random_uuid()")
    text = re.sub(r"\) VIRTUAL$", ") STORED", text, flags=re.M)
    path = os.path.join("/tmp", f"relvar-advisor-{os.getpid()}-{name}")
    with open(path, "w") as out:
        out.write(text)
    return path


def statements_with_params(path):
    """Each statement of a workload file with the values of its `-- params:` comment."""
    out, params, lines = [], None, []
    with open(path) as source:
        for line in source:
            stripped = line.strip()
            if not lines and stripped.startswith("--"):
                found = re.match(r"--\s*params:\s*(.*)$", stripped, re.I)
                if found:
                    params = found.group(1)
                continue
            if not stripped and not lines:
                continue
            lines.append(line)
            if stripped.endswith(";"):
                out.append(("".join(lines).strip().rstrip(";"), params))
                lines, params = [], None
    return out


def explain(database, sql, params):
    """Estimated total cost and index names in the plan (writes are rolled back)."""
    body = f"PREPARE q AS {sql};\nEXPLAIN (FORMAT JSON) EXECUTE q({params});" if params else \
        f"EXPLAIN (FORMAT JSON) {sql};"
    script = f"SET plan_cache_mode = force_custom_plan;\nBEGIN;\n{body}\nROLLBACK;"
    output = psql(database, script)
    start = output.find("[")
    plan = json.loads(output[start:output.rfind("]") + 1])[0]["Plan"]
    names = set()

    def walk(node):
        if "Index Name" in node:
            names.add(node["Index Name"])
        for child in node.get("Plans", []):
            walk(child)

    walk(plan)
    return plan["Total Cost"], names


REDUNDANT = """
SELECT n.indexrelid::regclass::text, o.indexrelid::regclass::text
FROM pg_index n JOIN pg_class c ON c.oid = n.indexrelid
JOIN pg_index o ON o.indrelid = n.indrelid AND o.indexrelid <> n.indexrelid
JOIN pg_class oc ON oc.oid = o.indexrelid
WHERE c.relname = ANY(string_to_array('{names}', ','))
  AND oc.relname <> ALL(string_to_array('{names}', ','))
  AND oc.relam = c.relam
  AND o.indnkeyatts >= n.indnkeyatts
  AND (o.indpred IS NULL OR pg_get_expr(o.indpred, o.indrelid) = pg_get_expr(n.indpred, n.indrelid))
  AND NOT EXISTS (
    SELECT 1 FROM generate_series(1, n.indnkeyatts) k
    WHERE pg_get_indexdef(n.indexrelid, k, true) <> pg_get_indexdef(o.indexrelid, k, true))
"""


def check(workload):
    schema, database = WORKLOADS[workload]
    failures = []
    started = time.time()
    psql("postgres", f"DROP DATABASE IF EXISTS {database}")
    psql("postgres", f"CREATE DATABASE {database}")
    loadable = runnable_schema(schema)
    psql(database, file=loadable, stop=False)
    os.unlink(loadable)
    psql(database, file=os.path.join(HERE, "data.sql"))
    loaded = time.time() - started
    workload_path = os.path.join(HERE, "workloads", workload)
    advice = json.loads(subprocess.run(
        [os.environ["RELVAR_ADVISE"], os.path.join(os.environ["RELVAR_CORPUS"], schema),
         workload_path, "postgres"], capture_output=True, text=True, check=True).stdout)
    statements = statements_with_params(workload_path)
    if len(statements) != len(advice["queries"]):
        raise SystemExit(f"{workload}: {len(statements)} statements here, "
                         f"{len(advice['queries'])} read by the advisor")
    for finding in advice["parse_findings"]:
        failures.append(f"query {finding['query'] + 1} did not parse: {finding['message']}")
    before = [explain(database, sql, params) for sql, params in statements]
    recommendations = advice["recommendations"]
    names = [rec["name"] for rec in recommendations]
    for rec in recommendations:
        psql(database, rec["sql"])
    psql(database, "ANALYZE")
    redundant = [line for line in psql(database, REDUNDANT.format(names=",".join(names))).splitlines()
                 if line.strip()] if names else []
    for line in redundant:
        failures.append(f"recommended {line.replace('|', ' is redundant with existing ')}")
    after = [explain(database, sql, params) for sql, params in statements]

    print(f"\n{workload} on {schema}: schema and rows loaded in {loaded:.0f}s;"
          f" {len(recommendations)} indexes recommended")
    for rec in recommendations:
        print(f"  {rec['sql']}\n      serves queries {[q + 1 for q in rec['queries']]};"
              f" write cost {rec['write_cost']}")
    print(f"\n  {'query':<62} {'before':>10} {'after':>10} {'ratio':>6}  index used")
    for number, ((sql, _), (cost_before, _), (cost_after, used)) in enumerate(
            zip(statements, before, after), 1):
        shown = " ".join(sql.split())
        shown = shown if len(shown) <= 58 else shown[:55] + "..."
        new = sorted(used & set(names))
        ratio = cost_after / cost_before if cost_before else 1.0
        print(f"  {number:>2} {shown:<59} {cost_before:10.1f} {cost_after:10.1f} {ratio:6.3f}"
              f"  {', '.join(new) if new else '-'}")
    for rec in recommendations:
        proven = [q for q in rec["queries"]
                  if rec["name"] in after[q][1] and after[q][0] <= before[q][0] / 2]
        if not proven:
            claims = ", ".join(
                f"query {q + 1}: {'uses it' if rec['name'] in after[q][1] else 'does not use it'},"
                f" cost {before[q][0]:.1f} -> {after[q][0]:.1f}" for q in rec["queries"])
            failures.append(f"{rec['name']} is not proven by any query it claims ({claims})")
    psql("postgres", f"DROP DATABASE IF EXISTS {database}")
    return failures


def main():
    wanted = sys.argv[1] if len(sys.argv) > 1 else ""
    failures = []
    for workload in sorted(WORKLOADS):
        if wanted in workload:
            failures += [f"{workload}: {failure}" for failure in check(workload)]
    print()
    if failures:
        for failure in failures:
            print(f"FAIL {failure}")
        sys.exit(1)
    print("advisor oracle: every recommended index is used by a query it claims to serve, whose"
          " estimated cost at least halves; none is redundant with an existing index")


main()
