"""Replays the FSRS reference vectors with py-fsrs and prints reviews per
second, for benchmarks/fsrs-vs-py-fsrs.sh.  Usage: python fsrs_replay.py VECTORS ROUNDS"""
import json
import sys
import time
from datetime import datetime, timedelta, timezone

from fsrs import Card, Rating, Scheduler

histories = []
with open(sys.argv[1]) as file:
    for line in file:
        record = json.loads(line)
        config = record["config"]
        scheduler = Scheduler(
            parameters=config["parameters"],
            desired_retention=config["desired_retention"],
            learning_steps=[timedelta(seconds=s) for s in config["learning_steps_s"]],
            relearning_steps=[timedelta(seconds=s) for s in config["relearning_steps_s"]],
            maximum_interval=config["maximum_interval"],
            enable_fuzzing=False,
        )
        reviews = [(Rating(r["rating"]), datetime.fromtimestamp(r["review_ts"], tz=timezone.utc))
                   for r in record["reviews"]]
        histories.append((scheduler, reviews))

rounds = int(sys.argv[2])
count = 0
checksum = 0.0
start = time.perf_counter()
for _ in range(rounds):
    for scheduler, reviews in histories:
        card = Card(card_id=1)
        for rating, moment in reviews:
            card, _ = scheduler.review_card(card, rating, moment)
            count += 1
        checksum += card.stability or 0
elapsed = time.perf_counter() - start
print(f"py-fsrs: {count} reviews in {int(elapsed * 1000)} ms: {int(count / elapsed)} reviews/s (checksum {int(checksum)})")
