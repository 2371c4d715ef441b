import DeckKit
import StudyCore

/// The deck outline with each fact's progress and review log: the NODE and
/// FACT shapes of `check --json` (`DeckJSON`), each FACT adding `"progress"`
/// (null when never studied) and `"reviews"` (`{"at","rating","mode"}`,
/// oldest first): `{"decks":[{"title","file","root":NODE}]}`.
public enum JSONExport {
    public static func text(decks: [Deck], cards: [FactID: CardProgress], log: [ReviewLogEntry]) -> String {
        var reviews: [FactID: [ReviewLogEntry]] = [:]
        for entry in log { reviews[entry.factID, default: []].append(entry) }
        var json = JSONWriter()
        json.object { json in
            json.field("decks") { json in
                json.array { json in
                    for deck in decks {
                        json.object { json in
                            json.field("title") { $0.string(deck.title) }
                            json.field("file") { $0.string(deck.file) }
                            json.field("root") { json in
                                DeckJSON.write(deck.root, to: &json) { fact, json in
                                    writeProgress(cards[fact.id], reviews: reviews[fact.id] ?? [], to: &json)
                                }
                            }
                        }
                    }
                }
            }
        }
        return json.text
    }

    private static func writeProgress(_ card: CardProgress?, reviews: [ReviewLogEntry], to json: inout JSONWriter) {
        json.field("progress") { json in
            guard let card else { json.stringOrNull(nil); return }
            json.object { json in
                json.field("state") { $0.string(card.state.name) }
                json.field("step") { json in if let step = card.step { json.number(step) } else { json.stringOrNull(nil) } }
                json.field("stability") { $0.decimal(card.stability) }
                json.field("difficulty") { $0.decimal(card.difficulty) }
                json.field("due") { $0.stringOrNull(card.due?.iso8601) }
                json.field("lastReview") { $0.stringOrNull(card.lastReview?.iso8601) }
                json.field("reps") { $0.number(card.reps) }
                json.field("lapses") { $0.number(card.lapses) }
                json.field("suspended") { $0.bool(card.suspended) }
            }
        }
        json.field("reviews") { json in
            json.array { json in
                for entry in reviews {
                    json.object { json in
                        json.field("at") { $0.string(entry.reviewedAt.iso8601) }
                        json.field("rating") { $0.number(entry.rating.rawValue) }
                        json.field("mode") { $0.string(entry.mode.rawValue) }
                    }
                }
            }
        }
    }
}
