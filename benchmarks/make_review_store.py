"""Makes a progress store of many reviews of a post's facts, the same every
time for the same seed: the "years of reviews" store of benchmarks/run.sh.

    python3 make_review_store.py APP POST STORE [REVIEWS] [DAYS] [SEED]

APP is the awsml-tui binary: it lists the post's fact ids (`check --json`)
and creates the store with its own schema and migrations (a plain quiz that
answers nothing), so the store is one the app opens as its own. The reviews
are then written in one transaction: REVIEWS (default 1,000,000) answers
over the DAYS (default 730) before now, spread over the facts with a long
tail (a few facts reviewed often, most a few times), each with the card as
it stood before (state, stability, difficulty, due, reps, lapses), and each
reviewed fact's card as the last review left it. Prints what it made."""
import json
import random
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def fact_ids(app, post):
    document = json.loads(subprocess.run([app, "check", "--json", post], check=True, capture_output=True).stdout)
    ids = []
    deck = document["decks"][0]
    stack = [deck["root"]]
    while stack:
        node = stack.pop()
        ids += [fact["id"] for fact in node["facts"]]
        stack += reversed(node["children"])
    return deck["title"], ids


def main():
    app, post, store = sys.argv[1], sys.argv[2], sys.argv[3]
    reviews = int(sys.argv[4]) if len(sys.argv) > 4 else 1_000_000
    days = int(sys.argv[5]) if len(sys.argv) > 5 else 730
    seed = int(sys.argv[6]) if len(sys.argv) > 6 else 20261127
    started = time.perf_counter()
    title, ids = fact_ids(app, post)
    # The app makes the store (schema, migrations) as it would for a learner.
    subprocess.run([app, "quiz", "--plain", "--mode", "practice", "--questions", "1", "--store", store, post],
                   input=b"q\n", check=True, capture_output=True)
    random_ = random.Random(seed)
    # A long tail: fact k is picked with weight 1 / (k + 50), in a shuffled order.
    order = ids[:]
    random_.shuffle(order)
    weights = [1 / (rank + 50) for rank in range(len(order))]
    picks = random_.choices(order, weights=weights, k=reviews)
    now = datetime(2026, 11, 27, 12, 0, 0, tzinfo=timezone.utc)
    start = now - timedelta(days=days)
    span = (now - start).total_seconds()
    moments = sorted(random_.random() * span for _ in range(reviews))
    cards = {}
    rows = []
    for fact, offset in zip(picks, moments):
        moment = start + timedelta(seconds=offset)
        card = cards.get(fact)
        rating = random_.choices([1, 2, 3, 4], weights=[10, 15, 65, 10])[0]
        kind = random_.choice(["flip", "which-topic", "cloze-choice", "cloze-typed", "true-false", "definition-choice"])
        if card is None:
            before = (0, 0, None, None, None, None, None, 0, 0)
            stability, difficulty, reps, lapses = 2.0, 5.0, 0, 0
        else:
            state, step, stability, difficulty, due, last, reps, lapses = card
            before = (1, state, step, stability, difficulty, due, last, reps, lapses)
        if rating == 1:
            lapses += 1 if card is not None else 0
            stability = max(0.1, stability * 0.4)
            state = 3 if card is not None else 1
        else:
            stability = min(3650.0, stability * {2: 1.2, 3: 2.5, 4: 3.5}[rating])
            state = 2
        difficulty = min(10.0, max(1.0, difficulty + (2.5 - rating) * 0.3))
        reps += 1
        due = iso(moment + timedelta(days=stability))
        cards[fact] = (state, None, stability, difficulty, due, iso(moment), reps, lapses)
        milliseconds = round(moment.timestamp() * 1000)
        rows.append((fact, title, iso(moment), milliseconds, rating, "study", kind, random_.randint(800, 20_000),
                     *before, 0, None))
    connection = sqlite3.connect(store)
    # A store from before the integer times (schema v4) has no reviewed_ms.
    has_milliseconds = any(column[1] == "reviewed_ms" for column in connection.execute("PRAGMA table_info(review)"))
    columns = ["fact_id", "deck", "reviewed_at", "reviewed_ms", "rating", "mode", "kind", "elapsed_ms",
               "before_existed", "before_state", "before_step", "before_stability", "before_difficulty", "before_due",
               "before_last_review", "before_reps", "before_lapses", "before_suspended", "before_buried_until"]
    if not has_milliseconds:
        columns.remove("reviewed_ms")
        rows = [row[:3] + row[4:] for row in rows]
    with connection:
        connection.execute("DELETE FROM review")
        connection.execute("DELETE FROM card")
        connection.executemany(
            f"INSERT INTO review ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", rows)
        connection.executemany(
            "INSERT INTO card (fact_id, deck, state, step, stability, difficulty, due, last_review, reps, lapses, suspended)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,0)",
            [(fact, title, *card) for fact, card in cards.items()])
    connection.execute("VACUUM")
    connection.close()
    print(f"{store}: {reviews} reviews of {len(cards)} facts over {days} days (seed {seed}) "
          f"in {time.perf_counter() - started:.1f} s")


main()
