/* placement.mod: the carepool placement model in GNU MathProg, written per person.
 *
 * The reference formulation of docs/model.md: an independent check of the GLPK builder in
 * solver/mip/ (which aggregates groups into units). The compatibility filters are
 * applied before the model: the data (written by `carepool export DIR --format dat`) carries
 * the candidate pairs with their prices and side costs. Solve with
 *
 *     glpsol -m models/placement.mod -d instance.dat
 *
 * After the solve it prints one line `objective VALUE`, then the plan: `place USER SERVICE`,
 * `unplaced USER`, `open SERVICE` and `tier POOL PROVIDER INDEX` lines. Every set may be
 * empty (no candidates, tiers, groups, spot costs...). */

/* ---- Data --------------------------------------------------------------------------- */

set USERS;
set SERVICES;
set POOLS;
set PROVIDERS;

/* candidate pairs: (u, s) where person u may be placed in service s */
set PAIRS within USERS cross SERVICES;
/* people who may be left unplaced (an emergency spot purchase) */
set SPOT within USERS, default {};
/* services not yet commissioned: opening one is a decision */
set CANDIDATE within SERVICES, default {};
/* (the export gives PAIRS, SPOT and CANDIDATE in the tables of their parameters below) */
/* groups of people who must be placed together */
set GROUPS, default {};
set MEMBERS{GROUPS} within USERS;

param pool{USERS} symbolic in POOLS;         /* pool of the person's authority */
param provider{SERVICES} symbolic in PROVIDERS;
param capacity{SERVICES} > 0;

param price{PAIRS} >= 0;  /* placement price: quote, or weekly_price x places; discountable */
param places{PAIRS} > 0;  /* capacity the person uses there */
param cost{PAIRS} >= 0;   /* distance + preference + move terms: never discounted */
param unplaced_cost{SPOT} >= 0;  /* spot cost, plus move cost for someone with a placement */

param fixed_cost{CANDIDATE} >= 0, default 0;
param min_occupancy{s in CANDIDATE} >= 0, <= capacity[s], default 0;

/* volume tiers of each provider, by min_places ascending; discount is a fraction */
param n_tiers{PROVIDERS} integer >= 0, default 0;
param min_places{r in PROVIDERS, 1..n_tiers[r]} > 0;
param discount{r in PROVIDERS, 1..n_tiers[r]} >= 0, < 1;

param contract_cost >= 0, default 0;  /* per (pool, provider) contract in use */
param max_share > 0, <= 1, default 1; /* largest share of a pool's placed places per provider */

/* the pool's undiscounted spend with a provider when every pair of theirs is chosen */
param spend_bound{p in POOLS, r in PROVIDERS} :=
    sum{(u, s) in PAIRS: pool[u] = p and provider[s] = r} price[u, s];

/* ---- Decisions ---------------------------------------------------------------------- */

var x{PAIRS} binary;          /* u is placed in s */
var y{SPOT} binary;           /* u is left unplaced */
var open{CANDIDATE} binary;   /* candidate service s is commissioned */
var w{p in POOLS, r in PROVIDERS, 1..n_tiers[r]} binary;  /* tier t is the one reached */
var v{p in POOLS, r in PROVIDERS, 1..n_tiers[r]} >= 0;    /* spend discounted at tier t */
var k{POOLS, PROVIDERS: contract_cost > 0} binary;        /* a contract is in use */

/* ---- Constraints -------------------------------------------------------------------- */

s.t. assign{u in USERS}:
    sum{s in SERVICES: (u, s) in PAIRS} x[u, s] + (if u in SPOT then y[u]) = 1;

s.t. capacity_limit{s in SERVICES}:
    sum{u in USERS: (u, s) in PAIRS} places[u, s] * x[u, s]
    <= capacity[s] * (if s in CANDIDATE then open[s] else 1);

s.t. link{(u, s) in PAIRS: s in CANDIDATE}: x[u, s] <= open[s];

s.t. viable{s in CANDIDATE}:
    sum{u in USERS: (u, s) in PAIRS} places[u, s] * x[u, s] >= min_occupancy[s] * open[s];

/* members of a group share one service, or are all unplaced */
s.t. together{g in GROUPS, u in MEMBERS[g], m in MEMBERS[g], s in SERVICES:
              u <> m and (u, s) in PAIRS}:
    x[u, s] = (if (m, s) in PAIRS then x[m, s]);

s.t. together_unplaced{g in GROUPS, u in MEMBERS[g], m in MEMBERS[g]: u <> m and u in SPOT}:
    y[u] = (if m in SPOT then y[m]);

/* volume tiers: at most one tier per (pool, provider); tier t needs min_places bought and
 * discounts at most the spend actually placed with that provider */
s.t. one_tier{p in POOLS, r in PROVIDERS: n_tiers[r] > 0}:
    sum{t in 1..n_tiers[r]} w[p, r, t] <= 1;

s.t. tier_reached{p in POOLS, r in PROVIDERS, t in 1..n_tiers[r]}:
    sum{(u, s) in PAIRS: pool[u] = p and provider[s] = r} places[u, s] * x[u, s]
    >= min_places[r, t] * w[p, r, t];

s.t. tier_switch{p in POOLS, r in PROVIDERS, t in 1..n_tiers[r]}:
    v[p, r, t] <= spend_bound[p, r] * w[p, r, t];

s.t. tier_spend{p in POOLS, r in PROVIDERS: n_tiers[r] > 0}:
    sum{t in 1..n_tiers[r]} v[p, r, t]
    <= sum{(u, s) in PAIRS: pool[u] = p and provider[s] = r} price[u, s] * x[u, s];

s.t. contract{(u, s) in PAIRS: contract_cost > 0}: x[u, s] <= k[pool[u], provider[s]];

s.t. market_share{p in POOLS, r in PROVIDERS: max_share < 1}:
    sum{(u, s) in PAIRS: pool[u] = p and provider[s] = r} places[u, s] * x[u, s]
    <= max_share * sum{(u, s) in PAIRS: pool[u] = p} places[u, s] * x[u, s];

/* ---- Objective: weekly cost --------------------------------------------------------- */

minimize weekly_cost:
    sum{(u, s) in PAIRS} (price[u, s] + cost[u, s]) * x[u, s]
    + sum{u in SPOT} unplaced_cost[u] * y[u]
    + sum{s in CANDIDATE} fixed_cost[s] * open[s]
    + sum{p in POOLS, r in PROVIDERS: contract_cost > 0} contract_cost * k[p, r]
    - sum{p in POOLS, r in PROVIDERS, t in 1..n_tiers[r]} discount[r, t] * v[p, r, t];

solve;

printf "objective %.17g\n", weekly_cost;
printf {(u, s) in PAIRS: x[u, s] > 0.5} "place %s %s\n", u, s;
printf {u in SPOT: y[u] > 0.5} "unplaced %s\n", u;
printf {s in CANDIDATE: open[s] > 0.5} "open %s\n", s;
printf {p in POOLS, r in PROVIDERS, t in 1..n_tiers[r]: w[p, r, t] > 0.5}
    "tier %s %s %d\n", p, r, t;

end;
