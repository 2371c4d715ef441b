import DeckKit

/// The `check --json` document:
///
///     {"decks":[{"title","date","tags","file","root":NODE}]}
///     NODE   = {"title","kind","line","notes":[…],"facts":[FACT],"children":[NODE]}
///     FACT   = {"id","text","line","details":[DETAIL]}
///     DETAIL = {"text","line","details":[DETAIL]}
///
/// `kind` is "deck", "heading" or "group"; texts are plain, without markup;
/// notes are their plain text.
public enum DeckJSON {
    public static func document(for decks: [Deck]) -> String {
        var json = JSONWriter()
        json.object { json in
            json.field("decks") { json in
                json.array { json in
                    for deck in decks { write(deck, to: &json) }
                }
            }
        }
        return json.text
    }

    private static func write(_ deck: Deck, to json: inout JSONWriter) {
        json.object { json in
            json.field("title") { $0.string(deck.title) }
            json.field("date") { $0.stringOrNull(deck.date) }
            json.field("tags") { json in json.array { json in deck.tags.forEach { json.string($0) } } }
            json.field("file") { $0.string(deck.file) }
            json.field("root") { write(deck.root, to: &$0) }
        }
    }

    /// Writes a node as NODE; `extraFactFields` adds fields to each FACT (the
    /// JSON export adds progress and reviews).
    static func write(_ node: TopicNode, to json: inout JSONWriter,
                      extraFactFields: (Fact, inout JSONWriter) -> Void = { _, _ in }) {
        json.object { json in
            json.field("title") { $0.string(node.title.plainText) }
            json.field("kind") { $0.string(node.kind.name) }
            json.field("line") { $0.number(node.line) }
            json.field("notes") { json in json.array { json in node.notes.forEach { json.string($0.text.plainText) } } }
            json.field("facts") { json in
                json.array { json in
                    for fact in node.facts {
                        json.object { json in
                            json.field("id") { $0.string(fact.id.rawValue) }
                            json.field("text") { $0.string(fact.text.plainText) }
                            json.field("line") { $0.number(fact.line) }
                            json.field("details") { write(fact.details, to: &$0) }
                            json.field("context") { $0.stringOrNull(fact.context?.plainText) }
                            json.field("depth") { $0.number(fact.depth) }
                            json.field("kind") { $0.string(fact.kind.rawValue) }
                            if fact.kind == .question {
                                json.field("choices") { json in
                                    json.array { json in
                                        for choice in fact.choices {
                                            json.object { json in
                                                json.field("text") { $0.string(choice.text.plainText) }
                                                json.field("correct") { $0.bool(choice.isCorrect) }
                                            }
                                        }
                                    }
                                }
                                json.field("answer") { $0.stringOrNull(fact.answer?.plainText) }
                            }
                            extraFactFields(fact, &json)
                        }
                    }
                }
            }
            json.field("children") { json in
                json.array { json in node.children.forEach { write($0, to: &json, extraFactFields: extraFactFields) } }
            }
        }
    }

    private static func write(_ details: [FactDetail], to json: inout JSONWriter) {
        json.array { json in
            for detail in details {
                json.object { json in
                    json.field("text") { $0.string(detail.text.plainText) }
                    json.field("line") { $0.number(detail.line) }
                    json.field("details") { write(detail.details, to: &$0) }
                }
            }
        }
    }
}
