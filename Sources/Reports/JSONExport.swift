import DeckKit
import StudyCore

/// The deck outline with each fact's progress and review log:
/// `{"decks":[{"title","file","root":NODE}]}`, where NODE is as in `check
/// --json` and each FACT adds `"progress"` (null when never studied) and
/// `"reviews"` (`{"at","rating","mode"}`, oldest first).
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
                            json.field("root") { write(deck.root, cards: cards, reviews: reviews, to: &$0) }
                        }
                    }
                }
            }
        }
        return json.text
    }

    private static func write(_ node: TopicNode, cards: [FactID: CardProgress], reviews: [FactID: [ReviewLogEntry]],
                              to json: inout JSONWriter) {
        json.object { json in
            json.field("title") { $0.string(node.title.plainText) }
            json.field("kind") { $0.string(node.kind.name) }
            json.field("line") { $0.number(node.line) }
            json.field("facts") { json in
                json.array { json in
                    for fact in node.facts {
                        json.object { json in
                            json.field("id") { $0.string(fact.id.rawValue) }
                            json.field("text") { $0.string(fact.text.plainText) }
                            json.field("line") { $0.number(fact.line) }
                            json.field("progress") { json in
                                guard let card = cards[fact.id] else { json.stringOrNull(nil); return }
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
                                    for entry in reviews[fact.id] ?? [] {
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
                }
            }
            json.field("children") { json in
                json.array { json in node.children.forEach { write($0, cards: cards, reviews: reviews, to: &json) } }
            }
        }
    }
}
