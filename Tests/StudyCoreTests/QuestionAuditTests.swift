import Testing
import DeckKit
import StudyCore
import TestSupport

/// The audit that runs over the corpus finds what a learner found broken
/// in a hand-judged sample: each question here was seen (or built as the
/// generator once made it) and must be reported, and its repaired form not.
@Suite("The question audit finds what learners found broken")
struct QuestionAuditTests {
    let audit = QuestionAudit(decks: [])

    func question(_ kind: QuestionKind, fact: InlineText, path: [String] = ["Notes", "Topic"], prompt: String,
                  options: [String] = [], answer: String, answerOfCard: InlineText? = nil) -> Question {
        let id = FactID(rawValue: "audit")
        let fact = Fact(id: id, text: fact, line: 1, answer: answerOfCard)
        let correct = options.firstIndex(of: answer)
        return Question(kind: kind, factID: id, fact: fact, topicPath: path, prompt: prompt, options: options,
                        correctOption: correct, answer: answer)
    }

    @Test func aTopicWhoseWordShowsInAnotherFormIsFound() {
        // "Which topic? Where to cache" → Caching: the title shows as "cache".
        let recall = question(.flip, fact: InlineText(plain: "Where to cache"), path: ["Pastebin", "Caching"],
                              prompt: "Which topic? Where to cache", answer: "Caching")
        let recallNoContext = Question(kind: .flip, factID: recall.factID, fact: recall.fact, topicPath: recall.topicPath,
                                       context: [], prompt: recall.prompt, answer: recall.answer)
        #expect(audit.findings(for: recallNoContext).contains { $0.contains("title word") })
        // "_____: … using _.throttle" → Throttling.
        let cloze = question(.clozeTyped, fact: InlineText(plain: "Throttling: Changes based on a time based frequency, as _.throttle does"),
                             prompt: "_____: Changes based on a time based frequency, as _.throttle does", answer: "Throttling")
        #expect(audit.findings(for: cloze).contains { $0.contains("visible") })
    }

    @Test func aBlankOnALinkThatOnlyPointsIsFound() {
        let text = InlineText([InlineSpan("如何保证消息队列的高可用，"), InlineSpan("可以点击这里查看", style: .link, link: "ha.md"), InlineSpan("。")])
        let blank = question(.flip, fact: text, prompt: "如何保证消息队列的高可用，_____。", answer: "可以点击这里查看")
        #expect(audit.findings(for: blank).contains { $0.contains("link") })
        // A link on a term ("Rust's [lifetime bounds]") is the term itself: no finding for that.
        let term = InlineText([InlineSpan("Allow "), InlineSpan("lifetime bounds", style: .link, link: "#1"), InlineSpan(" on generic parameters")])
        let termBlank = question(.flip, fact: term, prompt: "Allow _____ on generic parameters", answer: "lifetime bounds")
        #expect(!audit.findings(for: termBlank).contains { $0.contains("link") })
    }

    @Test func aBlankAcrossABracketIsFound() {
        let blank = question(.clozeTyped, fact: InlineText(plain: "Adds f32::to_degrees (in libcore) for floats"),
                             prompt: "Adds _____) for floats", answer: "f32::to_degrees (in libcore")
        #expect(audit.findings(for: blank).contains { $0.contains("bracket") })
    }

    @Test func aWrittenAnswerMissingItsExampleIsFound() {
        let heading = InlineText(plain: "How to pass a parameter to an event handler?")
        let broken = InlineText(plain: "You can add this plugin using the below command, And apply the below config")
        let card = question(.flip, fact: heading, prompt: heading.plainText, answer: broken.plainText, answerOfCard: broken)
        #expect(audit.findings(for: card).contains { $0.contains("example was dropped") })
        let repaired = InlineText(plain: "You can add this plugin using the below command, [example in the notes] And apply the below config")
        let fixed = question(.flip, fact: heading, prompt: heading.plainText, answer: repaired.plainText, answerOfCard: repaired)
        #expect(audit.findings(for: fixed).isEmpty)
    }

    @Test func anAbbreviationSpelledOutAndAUnitAloneAreFound() {
        let dms = question(.flip, fact: InlineText(plain: "Database Migration: DMS"), prompt: "Database Migration: _____", answer: "DMS")
        #expect(audit.findings(for: dms).contains { $0.contains("abbreviation") })
        let sns = question(.flip, fact: InlineText(plain: "Notification service in AWS"), path: ["Notes", "Summary"],
                           prompt: "SNS: _____; Multiple subscribers", answer: "Notification service in AWS")
        #expect(audit.findings(for: sns).contains { $0.contains("abbreviation") })
        let unit = question(.clozeTyped, fact: InlineText(plain: "Size per paste total = ~1.27 KB"), prompt: "Size per paste total = ~1.27 _____", answer: "KB")
        #expect(audit.findings(for: unit).contains { $0.contains("unit") })
    }

    @Test func aBlankThatCutsANameOrAGenericIsFound() {
        let name = question(.flip, fact: InlineText(plain: "Directory Services: integrate Microsoft Active Directory in AWS"),
                            prompt: "Directory Services: _____ Directory in AWS", answer: "integrate Microsoft Active")
        #expect(audit.findings(for: name).contains { $0.contains("cuts a name") })
        let generic = question(.flip, fact: InlineText(plain: "std: A new vector type, Vec<T>, has been added"),
                               prompt: "std: A new vector type, _____>, has been added", answer: "Vec<T")
        #expect(audit.findings(for: generic).contains { $0.contains("angle brackets") })
    }

    @Test func aBrokenOptionIsFound() {
        let choice = question(.clozeChoice, fact: InlineText(plain: "The argument types changed from *const to *mut"),
                              prompt: "The argument types changed from *_____ to *mut",
                              options: ["pow", "attr(\"true", "static", "const"], answer: "const")
        #expect(audit.findings(for: choice).contains { $0.contains("broken option") })
    }

    @Test func aTrueStatementMayBeTheFactAfterItsListsLeadInAndNothingElse() throws {
        let deck = try DeckLoader.load(text: """
            # Databases
            ## SQL or NoSQL
            Reasons for **SQL**:

            - Transactions across tables
            - Clear patterns for scaling
            """, file: "t.md")
        let fact = try #require(deck.root.children.first?.children.first?.facts.first)
        let audit = QuestionAudit(decks: [deck])
        func statement(_ prompt: String, truth: Bool) -> Question {
            Question(kind: .trueFalse, factID: fact.id, fact: fact, topicPath: ["Databases", "SQL or NoSQL"], prompt: prompt,
                     options: ["True", "False"], correctOption: truth ? 0 : 1, answer: truth ? "True" : "False", truth: truth)
        }
        #expect(audit.findings(for: statement("Reasons for SQL: Transactions across tables", truth: true)).isEmpty)
        #expect(audit.findings(for: statement("Transactions across tables", truth: true)) == ["true/false on a fragment of under four words"])
        #expect(audit.findings(for: statement("Good reasons: Transactions across tables", truth: true))
            .contains("a true statement that is not the fact"))
        // A false version may bring in a word of the notes' paragraphs ("NoSQL" of another lead-in), not a made-up one.
        #expect(audit.findings(for: statement("Reasons for Cassandra: Transactions across tables", truth: false))
            .contains { $0.contains("never use") })
    }

    @Test func aChineseBlankOnAConjunctionIsFound() {
        // why-mq-zh: "但是问题是，_____ BCD 三个系统那里" → 要是 ("if").
        let fact = "A 系统处理完了直接返回成功了；但是问题是，要是 BCD 三个系统那里，BD 两个系统写库成功了"
        let conjunction = question(.flip, fact: InlineText(plain: fact),
                                   prompt: "A 系统处理完了直接返回成功了；但是问题是，_____ BCD 三个系统那里，BD 两个系统写库成功了", answer: "要是")
        #expect(audit.findings(for: conjunction).contains { $0.contains("conjunction") })
        let term = question(.flip, fact: InlineText(plain: fact),
                            prompt: "A 系统处理完了直接返回成功了；但是问题是，要是 BCD 三个系统那里，BD 两个系统_____成功了", answer: "写库")
        #expect(!audit.findings(for: term).contains { $0.contains("conjunction") })
    }

    @Test func aFalseStatementSwappingATermForItsBroaderKindIsFound() {
        // Under "欠点: RPC", "RPC is hard to debug" made "false" as "an API is
        // hard to debug": RPC is an API, so it stays true.
        func falseVersion(of fact: String, _ prompt: String, path: [String]) -> Question {
            let id = FactID(rawValue: "audit")
            return Question(kind: .trueFalse, factID: id, fact: Fact(id: id, text: InlineText(plain: fact), line: 1), topicPath: path,
                            prompt: prompt, options: ["True", "False"], correctOption: 1, answer: "False", truth: false)
        }
        let rpc = falseVersion(of: "RPCをデバッグするのは難しい可能性があります。", "APIをデバッグするのは難しい可能性があります。",
                               path: ["システム設計入門", "欠点: RPC"])
        #expect(audit.findings(for: rpc).contains { $0.contains("broader kind") && $0.contains("RPC → API") })
        // Swapped at each of its occurrences, for a generic word of Chinese.
        let kafka = falseVersion(of: "Kafka 的吞吐量很高，Kafka 适合日志采集", "系统 的吞吐量很高，系统 适合日志采集", path: ["MQ", "Kafka"])
        #expect(audit.findings(for: kafka).contains { $0.contains("broader kind") })
        // The word of the path the fact sits under: "Redis" → "Caching" under "Caching".
        let caching = falseVersion(of: "Redis keeps sorted sets in memory", "Caching keeps sorted sets in memory",
                                   path: ["System design", "Caching"])
        #expect(audit.findings(for: caching).contains { $0.contains("broader kind") })
        // A sibling of the same kind is a fair swap: no finding.
        let sibling = falseVersion(of: "RPCをデバッグするのは難しい可能性があります。", "RESTをデバッグするのは難しい可能性があります。",
                                   path: ["システム設計入門", "欠点: RPC"])
        #expect(!audit.findings(for: sibling).contains { $0.contains("broader kind") })
        // Two names both in the path ("SQS vs SNS"): one for the other is no broader kind.
        let pair = falseVersion(of: "SQS consumers poll for messages", "SNS consumers poll for messages", path: ["AWS", "SQS vs SNS"])
        #expect(!audit.findings(for: pair).contains { $0.contains("broader kind") })
    }

    @Test func mostOfAnAnswerWordShowingInsideAnIdentifierAndAPronounChunkAreFound() {
        // Sample 4, n 57: "euclid" twice on screen for "euclidean remainder".
        let euclid = question(.clozeChoice, fact: InlineText(plain: "Added euclidean remainder and division operations (div_euclid, rem_euclid)."),
                              prompt: "Added _____ and division operations (div_euclid, rem_euclid).",
                              options: ["euclidean remainder", "code snippets", "enum variants", "trait objects"], answer: "euclidean remainder")
        #expect(audit.findings(for: euclid).contains { $0.contains("most of answer word") })
        // Sample 4, n 43's cousin: "rapidly" for the term "Rapid elasticity".
        let rapid = question(.definitionChoice, fact: InlineText(plain: "Rapid elasticity: Resources can be scaled up or down rapidly."),
                             prompt: "What is Rapid elasticity?",
                             options: ["Resources can be scaled up or down rapidly.", "Resource usage is monitored and billed accordingly.",
                                       "Access services from any geographical region.", "Quickly deploy services and resources."],
                             answer: "Resources can be scaled up or down rapidly.")
        #expect(audit.findings(for: rapid).contains { $0.contains("most of answer word") })
        // A word sharing only a short start ("index" and "indefinite") is no finding.
        let fine = question(.clozeChoice, fact: InlineText(plain: "A covering index answers the query from the index alone, indefinitely."),
                            prompt: "A covering _____ answers the query, indefinitely.",
                            options: ["index", "trigger", "cursor", "view"], answer: "index")
        #expect(!audit.findings(for: fine).contains { $0.contains("most of answer word") })
        // Sample 4, n 27.
        let chunk = question(.flip, fact: InlineText(plain: "看看你在实际项目里都怎么玩儿过 Redis。"), prompt: "_____都怎么玩儿过 Redis。",
                             answer: "看看你在实际项目里")
        #expect(audit.findings(for: chunk).contains { $0.contains("pronoun") })
    }

    @Test func aBlankFollowedByItsNamedExampleIsFound() {
        // Sample 4, n 8.
        let example = question(.flip, fact: InlineText(plain: "Google Apps (Gmail), Dropbox, Zoom"),
                               prompt: "_____ (Gmail), Dropbox, Zoom", answer: "Google Apps")
        #expect(audit.findings(for: example).contains("a blank followed by its named example in brackets"))
        let aside = question(.flip, fact: InlineText(plain: "Amazon S3 (object storage) keeps eleven nines of durability"),
                             prompt: "Amazon S3 (object storage) keeps _____ of durability", answer: "eleven nines")
        #expect(!audit.findings(for: aside).contains("a blank followed by its named example in brackets"))
    }

    @Test func aKanaEndingBlankAndAnAnswerInCapitalsAmongWordsAreFound() {
        // Sample 5, n 36.
        let ending = question(.flip, fact: InlineText(plain: "サーバーがこのコストのかかりうる処理をする必要がなくなります"),
                              prompt: "サーバーがこのコストのかかりうる処理をする必要が_____", answer: "なくなります")
        #expect(audit.findings(for: ending).contains { $0.contains("hiragana alone") })
        // Sample 5, n 52.
        let shouting = question(.clozeChoice, fact: InlineText(plain: "React re-renders ON EVERY SINGLE KEYSTROKE"),
                                prompt: "React re-renders ON EVERY _____", options: ["SINGLE KEYSTROKE", "Handling keys", "Static field", "Node.js HTTP"],
                                answer: "SINGLE KEYSTROKE")
        #expect(audit.findings(for: shouting).contains("the answer is the odd one out by its capitals"))
        let acronyms = question(.clozeChoice, fact: InlineText(plain: "Relational databases serve OLTP workloads"),
                                prompt: "Relational databases serve _____ workloads", options: ["OLTP", "OLAP", "SQL", "SQS"], answer: "OLTP")
        #expect(!audit.findings(for: acronyms).contains("the answer is the odd one out by its capitals"))
    }
    @Test func aDistractorThatIsNoWholePhraseOfTheNotesIsFound() throws {
        // Sample 6, n 16: "impressive static" (cut from "very impressive static type checks") is
        // no term a learner would know. ("name correspond", of the notes' own broken "files name
        // correspond to", stands whole by its shape: the generator keeps it out, as a phrase cut
        // from a longer run of words.)
        let deck = try DeckLoader.load(text: """
            # Redux
            ## Structure
            - Reducers: Used for all reducers, where files name correspond to state key.
            - There is no nice Flow integration yet: Flux lets you do very impressive static type checks.
            - Lets you inspect every state and action payload.
            - Your reducer should be without side effects, simply digesting the action payload.
            - No way to do undo easily without adding so much extra code.
            - Runs tests in parallel processes so that they finish sooner.
            - To change the state, emit an action, an object describing what happened.
            - If a component threw an error, the boundary catches it.
            - If you change the reducer code, each staged action will be re-evaluated.
            """, file: "t.md")
        let audit = QuestionAudit(decks: [deck])
        func choice(_ options: [String]) -> Question {
            question(.clozeChoice, fact: InlineText(plain: "If you change the reducer code, each staged action will be re-evaluated."),
                     prompt: "If you change the reducer code, each _____ will be re-evaluated.", options: options, answer: "staged action")
        }
        let broken = audit.findings(for: choice(["staged action", "name correspond", "impressive static", "action payload"]))
        #expect(broken.contains("a distractor that is no whole phrase of the notes: impressive static"))
        #expect(!broken.contains { $0.contains("action payload") })
        // A verb and its adverb after "they", a noun and the verb that takes "what …" or "an error": predicates, not terms.
        let predicates = audit.findings(for: choice(["staged action", "finish sooner", "object describing", "component threw"]))
        #expect(predicates.contains("a distractor that is no whole phrase of the notes: finish sooner"))
        #expect(predicates.contains("a distractor that is no whole phrase of the notes: object describing"))
        #expect(predicates.contains("a distractor that is no whole phrase of the notes: component threw"))
        // Phrases the notes write whole (after a determiner, before grammar or a stop) are fine.
        #expect(audit.findings(for: choice(["staged action", "action payload", "extra code", "parallel processes"]))
            .filter { $0.contains("whole phrase") }.isEmpty)
    }
    @Test func aDistractorThatDisagreesWithTheAnswerInNumberIsFound() {
        // Sample 6, n 10: "Two _____ of different types" takes a plural; "underlying" cannot fill it.
        let two = question(.clozeChoice, fact: InlineText(plain: "Two elements of different types will produce different trees."),
                           prompt: "Two _____ of different types will produce different trees.",
                           options: ["elements", "animations", "configurations", "underlying"], answer: "elements")
        #expect(audit.findings(for: two) == ["a distractor that disagrees with the answer in number: underlying"])
        // "each _____ will be re-evaluated" takes a singular: "network callbacks" shows it is wrong.
        let each = question(.clozeChoice, fact: InlineText(plain: "If you change the reducer code, each staged action will be re-evaluated."),
                            prompt: "If you change the reducer code, each _____ will be re-evaluated.",
                            options: ["staged action", "render method", "network callbacks", "extra code"], answer: "staged action")
        #expect(audit.findings(for: each).contains("a distractor that disagrees with the answer in number: network callbacks"))
        // Names and words like "status" or "class" are no plurals; options that agree are fine.
        let agree = question(.clozeChoice, fact: InlineText(plain: "Two elements of different types will produce different trees."),
                             prompt: "Two _____ of different types will produce different trees.",
                             options: ["elements", "animations", "configurations", "attributes"], answer: "elements")
        #expect(!audit.findings(for: agree).contains { $0.contains("in number") })
        // "for the _____ and" takes either number: no finding there.
        let either = question(.clozeChoice, fact: InlineText(plain: "There is only one hash result for the original input and Base 62 is deterministic"),
                              prompt: "There is only one hash result for the _____ and Base 62 is deterministic",
                              options: ["original input", "read requests", "paste writes", "object store"], answer: "original input")
        #expect(!audit.findings(for: either).contains { $0.contains("in number") })
        let status = question(.clozeChoice, fact: InlineText(plain: "The response carries a status code."),
                              prompt: "The response carries a _____ code.", options: ["status", "header", "payload", "class"], answer: "status")
        #expect(!audit.findings(for: status).contains { $0.contains("in number") })
    }
    @Test func aStatementThatAloneOpensWithAFigureIsFound() {
        // Sample 6, n 2: the only quantity among use cases.
        let usage = question(.definitionChoice, fact: InlineText(plain: "12.7 GB of new paste content per month"),
                             prompt: "Which of these belongs under “Calculate usage”?",
                             options: ["User enters a block of text and gets a randomly generated link", "12.7 GB of new paste content per month",
                                       "The Web Server forwards the request to the Write API server", "User registers for an account"],
                             answer: "12.7 GB of new paste content per month")
        #expect(audit.findings(for: usage).contains("the answer is the odd one out by opening with a figure or not"))
        let mixed = question(.definitionChoice, fact: InlineText(plain: "12.7 GB of new paste content per month"),
                             prompt: "Which of these belongs under “Calculate usage”?",
                             options: ["User enters a block of text and gets a randomly generated link", "12.7 GB of new paste content per month",
                                       "360 million shortlinks in 3 years", "User registers for an account"],
                             answer: "12.7 GB of new paste content per month")
        #expect(!audit.findings(for: mixed).contains { $0.contains("figure") })
    }
    @Test func aBlankOnPartOfAColumnHeaderIsFound() {
        // Found reading the corpus after sample 6: "参考ページ" and "キャッシュできるか" are column headers.
        let reference = question(.flip, fact: InlineText(plain: "ファイルシステム — システム: Google File System (GFS) - 分散ファイルシステム; 参考ページ: research.google.com"),
                                 prompt: "ファイルシステム — システム: Google File System (GFS) - 分散ファイルシステム; 参考_____: research.google.com",
                                 answer: "ページ")
        #expect(audit.findings(for: reference).contains("blank on part of a table column header"))
        let cache = question(.flip, fact: InlineText(plain: "GET — 詳細: リソースを読み取る; 冪等性*: Yes; セーフ: Yes; キャッシュできるか: Yes"),
                             prompt: "GET — 詳細: リソースを読み取る; 冪等性*: Yes; セーフ: Yes; _____できるか: Yes", answer: "キャッシュ")
        #expect(audit.findings(for: cache).contains("blank on part of a table column header"))
        // A blank in a cell is no header's.
        let cell = question(.flip, fact: InlineText(plain: "GET — 詳細: リソースを読み取る; 冪等性*: Yes; セーフ: Yes; キャッシュできるか: Yes"),
                            prompt: "GET — 詳細: _____; 冪等性*: Yes; セーフ: Yes; キャッシュできるか: Yes", answer: "リソースを読み取る")
        #expect(!audit.findings(for: cell).contains { $0.contains("column header") })
    }
    @Test func anAnswerWordSpeltAsAPartOfAnIdentifierInViewIsFound() {
        // Sample 7, n 1: "hex" read off ToHex and FromHex.
        let hex = question(.flip, fact: InlineText(plain: "extra: Added a hex module with ToHex and FromHex traits."),
                           prompt: "extra: Added a _____ module with ToHex and FromHex traits.", answer: "hex")
        #expect(audit.findings(for: hex) == ["answer word \"hex\" visible as a part of ToHex"])
        // A part of snake_case: "euclid" in div_euclid.
        let euclid = question(.clozeTyped, fact: InlineText(plain: "Added the euclid operations div_euclid and rem_euclid."),
                              prompt: "Added the _____ operations div_euclid and rem_euclid.", answer: "euclid")
        #expect(audit.findings(for: euclid).contains("answer word \"euclid\" visible as a part of div_euclid"))
        // A word of one part ("Hexdump") and a part of two letters ("Io" of StdIo) give nothing away.
        let hexdump = question(.flip, fact: InlineText(plain: "extra: Added a hex module beside the Hexdump tool."),
                               prompt: "extra: Added a _____ module beside the Hexdump tool.", answer: "hex")
        #expect(!audit.findings(for: hexdump).contains { $0.contains("as a part of") })
        let io = question(.flip, fact: InlineText(plain: "std: The io module now wraps StdIo handles."),
                          prompt: "std: The _____ module now wraps StdIo handles.", answer: "io")
        #expect(!audit.findings(for: io).contains { $0.contains("as a part of") })
    }
    @Test func twoJapaneseOptionsThatSayOneThingInOtherWordsAreFound() {
        // Sample 7, n 51: write-through's and write-behind's first step, "エントリ" and "エントリー".
        let asked = "データの多くのTB (もしくは PB) を保存する"
        func choice(_ options: [String]) -> Question {
            question(.definitionChoice, fact: InlineText(plain: asked), path: ["システム設計入門", "SQLか？NoSQLか？"],
                     prompt: "次のうち「SQLか？NoSQLか？」に当てはまるものはどれ？", options: options, answer: asked)
        }
        let same = choice([asked, "アプリケーションはキャッシュにあるエントリを追加・更新します", "キャッシュのエントリーを追加・更新します",
                           "パフォーマンス上必要なところには非正規化を適用する"])
        #expect(audit.findings(for: same) == ["two Chinese or Japanese options say the same thing: "
            + "アプリケーションはキャッシュにあるエントリを追加・更新します / キャッシュのエントリーを追加・更新します"])
        // Writing at once or later: three quarters of the pairs shared, two different steps.
        let near = choice([asked, "キャッシュは同期的にデータストアに書き込みを行います", "データストアへの書き込みを非同期的に行います",
                           "パフォーマンス上必要なところには非正規化を適用する"])
        #expect(audit.findings(for: near).isEmpty)
        // Two rows of one table share their column headers, not what they say.
        let method = "詳細: リソースを作成もしくは入れ替える; 冪等性*: Yes; セーフ: No; キャッシュできるか: No"
        let rows = question(.definitionChoice, fact: InlineText(plain: "PUT — " + method), path: ["システム設計入門", "HTTP"],
                            prompt: "What is PUT?",
                            options: [method, "詳細: リソースを削除する; 冪等性*: Yes; セーフ: No; キャッシュできるか: No",
                                      "OSが受け取ったパケットをサーバースタブプロシージャーに受け渡します。",
                                      "ワーカーがキャッシュされたオブジェクトの中で最新のものを集めてきます"], answer: method)
        #expect(!audit.findings(for: rows).contains { $0.contains("say the same thing") })
    }
}
