import Testing
import DeckKit
@testable import StudyCore

@Suite("Questions from the bundled post")
struct QuestionGeneratorTests {
    let deck = DeckLoader.bundled()
    let generator: QuestionGenerator
    let facts: [Fact]

    init() {
        generator = QuestionGenerator(decks: [deck])
        var facts: [Fact] = []
        deck.root.forEachNode { facts += $0.facts }
        self.facts = facts
    }

    /// Loads a one-off post and gives its generator and facts.
    static func generator(for post: String) throws -> (QuestionGenerator, [Fact]) {
        let deck = try DeckLoader.load(text: post, file: "t.md")
        var facts: [Fact] = []
        deck.root.forEachNode { facts += $0.facts }
        return (QuestionGenerator(decks: [deck]), facts)
    }

    @Test func keyTermsFollowTheOrderOfPreference() throws {
        func term(_ start: String) -> KeyTerm? {
            generator.keyTerm(of: facts.first { $0.text.plainText.hasPrefix(start) }!.id)
        }
        #expect(term("Reduces deep learning inference costs")?.text == "75%")
        #expect(term("Reduces deep learning inference costs")?.unit == "%")
        #expect(term("Enables training on datasets larger")?.text == "16 TB")
        // "(150TB)" is an aside about one scenario: the name is asked instead.
        #expect(term("Amazon EMR is the best choice")?.text == "Amazon EMR")
        #expect(term("Supports TensorFlow")?.text == "TensorFlow")
        #expect(term("Contains references to data used in ETL jobs")?.text == "ETL")
        // "already" is an adverb: the README's old example blanked it.
        #expect(term("Retraining with a larger number of epochs")?.text == "global minimum")
        // EMR and AWS Glue are in the topic path above the question: not those.
        #expect(term("Creating an EMR cluster")?.text == "configuration effort")
        #expect(term("Applying dropout")?.text != "Applying")
        let (styled, styledFacts) = try Self.generator(for: "# T\n- **Recall** is TP / (TP + FN)\n- uses `fit_transform` to learn and apply the scaling in one call\n- RCU: one strongly consistent read per second\n")
        #expect(styled.keyTerm(of: styledFacts[0].id)?.text == "Recall")
        #expect(styled.keyTerm(of: styledFacts[1].id)?.text == "fit_transform")
        #expect(styled.keyTerm(of: styledFacts[2].id)?.text == "RCU")
        #expect(styled.keyTerm(of: styledFacts[2].id)?.isDefinedTerm == true)
    }

    @Test func blanksAndSwapsCoverWholeTokensOnly() throws {
        let (generator, facts) = try Self.generator(for: """
            # Notes
            ## Compilers
            - The `c` flag compiles code in C.
            - Domain 1: Exploratory Data Analysis — % of Exam: 24%
            ## Networking
            - To route through a NAT instance you must disable source/destination checks on Amazon EC2.
            - Amazon EC2 uses public-key cryptography to encrypt login data for instances.
            """)
        for fact in facts {
            for kind in generator.kinds(for: fact.id) {
                for seed in 1...5 as ClosedRange<UInt64> {
                    let question = try #require(generator.question(for: fact.id, kind: kind, seed: seed))
                    #expect(!question.prompt.contains("_____ompiles") && !question.prompt.contains("_____ode"), "\(question.prompt)")
                    #expect(!question.prompt.contains("_____4%"), "\(question.prompt)")
                    #expect(!question.prompt.contains("Amazon Amazon"), "\(question.prompt)")
                    if kind == .trueFalse {
                        let words = question.prompt.split { !$0.isLetter && !$0.isNumber }
                        let known = Set(facts.flatMap { $0.text.plainText.split { !$0.isLetter && !$0.isNumber } })
                        // Swaps bring in the notes' own words; a negation brings "not".
                        let negation: Set<Substring> = ["not", "cannot"]
                        #expect(words.allSatisfy { known.contains($0) || negation.contains($0) || $0 == "Amazon" || $0.allSatisfy(\.isNumber) },
                                "\(question.prompt)")
                    }
                }
            }
        }
        let tokens = TextTokens("disable source/destination checks")
        #expect(tokens.words.map { tokens.string($0.range) } == ["disable", "source", "destination", "checks"])
    }

    @Test func chineseAndJapaneseAreCutIntoWords() {
        let chinese = TextTokens("亚马逊SageMaker是一种完全托管的机器学习服务。")
        #expect(chinese.words.map { chinese.string($0.range) } == ["亚马逊", "SageMaker", "是", "一种", "完全", "托管", "的", "机器", "学习", "服务"])
        let japanese = TextTokens("機械学習モデルをトレーニングします。")
        #expect(japanese.words.map { japanese.string($0.range) }.contains("トレーニング"))
    }

    @Test func optionsNeverNameTheSameThing() {
        #expect(OptionForms.overlap("100mb", "100 Mb"))
        #expect(OptionForms.overlap("📖 Random Cut Forest", "Random Cut Forest (RCF)"))
        #expect(OptionForms.overlap("EC2", "Amazon EC2"))
        #expect(OptionForms.overlap("data warehouse", "Data Warehouses"))
        #expect(!OptionForms.overlap("Amazon EMR", "Amazon SageMaker"))
        #expect(!OptionForms.overlap("10GB", "100 Mb"))
    }

    @Test func everyQuestionIsWellFormedAndEveryFactHasTwoKinds() throws {
        var coverage: [QuestionKind: Int] = [:]
        for fact in facts {
            let kinds = generator.kinds(for: fact.id)
            #expect(kinds.count >= 2, "\(fact.text.plainText): \(kinds)")
            for kind in kinds {
                coverage[kind, default: 0] += 1
                for seed in [1, 2, 3] as [UInt64] {
                    let question = try #require(generator.question(for: fact.id, kind: kind, seed: seed))
                    #expect(question == generator.question(for: fact.id, kind: kind, seed: seed)) // seeded
                    #expect(!question.prompt.isEmpty)
                    if let correct = question.correctOption {
                        #expect(question.options[correct] == question.answer)
                    }
                }
            }
        }
        print("question kinds over the bundled post's \(facts.count) facts:",
              QuestionKind.allCases.map { "\($0.rawValue) \(coverage[$0] ?? 0)" }.joined(separator: ", "))
        #expect(coverage[.flip, default: 0] >= 32)
        #expect(coverage[.clozeChoice, default: 0] >= 20)
        #expect(coverage[.trueFalse, default: 0] >= 10)
    }

    @Test func clozeChoicesAreOfTheSameKindAndShape() throws {
        let fact = facts.first { $0.text.plainText.hasPrefix("Enables training on datasets larger") }!
        let question = try #require(generator.question(for: fact.id, kind: .clozeChoice, seed: 4))
        // Numbers with the same unit only; made up from the answer when the post has too few.
        #expect(question.options.allSatisfy { $0.filter { $0 != " " }.hasSuffix("TB") }, "\(question.options)")
        let acronym = facts.first { $0.text.plainText.hasPrefix("Contains references to data used in ETL") }!
        let names = try #require(generator.question(for: acronym.id, kind: .clozeChoice, seed: 4))
        #expect(names.options.allSatisfy { $0.split(separator: " ").count == 1 && $0.allSatisfy(\.isUppercase) }, "\(names.options)")
        // An item of a written-out list is never a choice: another item could be just as true.
        let list = facts.first { $0.text.plainText.hasPrefix("Supports TensorFlow") }!
        #expect(generator.question(for: list.id, kind: .clozeChoice, seed: 4).map { $0.answer != "TensorFlow" } ?? true)
    }

    @Test func falseStatementsAreSurelyFalse() throws {
        let (generator, facts) = try Self.generator(for: """
            # Notes
            ## A
            - Applying dropout regularization at the flatten layer is incorrect.
            - No, CloudFormation does not support any tagging of stacks.
            - Lustre charges by:
            - One-hot encoding is unsuitable for Word2Vec models.
            """)
        func versions(_ prefix: String) -> Set<String> {
            let fact = facts.first { $0.text.plainText.hasPrefix(prefix) }!
            return Set((0..<40 as Range<UInt64>).compactMap { seed in
                generator.question(for: fact.id, kind: .trueFalse, seed: seed).flatMap { $0.truth == false ? $0.prompt : nil }
            })
        }
        #expect(versions("Applying dropout") == ["Applying dropout regularization at the flatten layer is correct."])
        #expect(versions("One-hot") == ["One-hot encoding is suitable for Word2Vec models."])
        #expect(versions("No, CloudFormation").isEmpty) // two negations: flipping one leaves it true
        #expect(!generator.kinds(for: facts.first { $0.text.plainText.hasPrefix("Lustre") }!.id).contains(.trueFalse))
        var sawFalse = false, sawTrue = false
        for fact in self.facts {
            for seed in 0..<6 as Range<UInt64> {
                guard let question = self.generator.question(for: fact.id, kind: .trueFalse, seed: seed) else { continue }
                if question.truth == false {
                    sawFalse = true
                    #expect(question.prompt != fact.text.plainText)
                } else {
                    sawTrue = true
                    #expect(question.prompt == fact.text.plainText)
                }
            }
        }
        #expect(sawFalse && sawTrue)
    }

    @Test func whichTopicHidesEveryTitleWordAndSkipsGenericTitles() throws {
        let (generator, facts) = try Self.generator(for: """
            # Storage
            ## S3
            - S3 Glacier keeps archives for years at a low storage price.
            ## Security Groups
            - Security groups are stateful firewalls attached to network interfaces.
            ## Summary
            - Pick the storage class by access pattern and retrieval time needed.
            ## EBS
            - Block volumes attach to one instance in one availability zone.
            ## EFS
            - Shared file systems mount over NFS from many instances at once.
            """)
        for fact in facts {
            for seed in 1...8 as ClosedRange<UInt64> {
                guard let question = generator.question(for: fact.id, kind: .whichTopic, seed: seed) else { continue }
                #expect(!question.options.contains("Summary"))
                #expect(question.answer != "Summary")
                let words = question.prompt.split { !$0.isLetter && !$0.isNumber }.map { $0.lowercased() }
                #expect(!words.contains("s3") && !words.contains("groups") && !words.contains("group"), "\(question.prompt)")
                #expect(question.context.isEmpty)
            }
        }
    }

    @Test func typedAnswersAllowSmallTyposAndShowADiff() {
        #expect(TypedAnswer.judge("SageMaker", against: "SageMaker").isExact)
        #expect(TypedAnswer.judge(" sagemakr ", against: "SageMaker").isAccepted)
        #expect(!TypedAnswer.judge("sagemkr", against: "SageMaker").isExact)
        #expect(!TypedAnswer.judge("Glue", against: "EMR").isAccepted)
        #expect(!TypedAnswer.judge("76%", against: "75%").isAccepted) // numbers exactly
        #expect(!TypedAnswer.judge("", against: "EMR").isAccepted)
        #expect(TypedAnswer.judge("sagemakr", against: "SageMaker").diff
                == [.same("SageMak"), .missing("e"), .same("r")])
        #expect(TypedAnswer.judge("emrs", against: "EMR").diff == [.same("EMR"), .extra("s")])
        // A vendor's name in front may be left out, but not the product's.
        #expect(TypedAnswer.judge("ActiveMQ", against: "Apache ActiveMQ").isAccepted)
        #expect(!TypedAnswer.judge("ActiveMQ", against: "Apache ActiveMQ").isExact)
        #expect(TypedAnswer.judge("sagemaker", against: "Amazon SageMaker").isAccepted)
        #expect(!TypedAnswer.judge("Amazon", against: "Amazon SageMaker").isAccepted)
        #expect(!TypedAnswer.judge("Kafka", against: "Apache ActiveMQ").isAccepted)
    }

    // MARK: - Facts with no key term still get a second kind

    @Test func aPositiveStatementIsMadeFalseByNegatingItsOneAuxiliary() {
        func negated(_ text: String) -> String? { Negation.inserted(TextTokens(text)) }
        #expect(negated("Messages are deleted after they’re read by consumers") == "Messages are not deleted after they’re read by consumers")
        #expect(negated("Aurora storage can grow in increments of 10 GB") == "Aurora storage cannot grow in increments of 10 GB")
        // Hedged, conditional, already negative, a question, two auxiliaries, an adverb after it: left alone.
        #expect(negated("Spot capacity is often reclaimed by AWS") == nil)
        #expect(negated("If the url is unique, store the paste") == nil)
        #expect(negated("Pastes are not edited after upload") == nil)
        #expect(negated("Is the bucket versioned by default?") == nil)
        #expect(negated("The table is read while the index is built") == nil)
        #expect(negated("The cache is fully managed by AWS") == nil)
        #expect(negated("Data is nested") == nil, "a fragment of three words")
    }

    @Test func anItemOfAListOfNamesIsRecalledFromTheRestOfTheList() throws {
        let (generator, facts) = try Self.generator(for: """
            # Redis
            ## Data types
            Redis has these data types:

            - Strings
            - Hashes
            - Lists
            - Sets
            - Sorted Sets
            """)
        func fact(_ text: String) -> Fact { facts.first { $0.text.plainText == text }! }
        let lists = try #require(generator.question(for: fact("Lists").id, kind: .flip, seed: 1))
        #expect(lists.prompt == "Redis has these data types: Strings, Hashes, _____, Sets, Sorted Sets")
        #expect(lists.answer == "Lists")
        #expect(generator.question(for: fact("Hashes").id, kind: .clozeTyped, seed: 1)?.answer == "Hashes")
        // "Sets" shows inside "Sorted Sets": it is not asked from the list.
        #expect(generator.question(for: fact("Sets").id, kind: .flip, seed: 1)?.prompt.contains(Question.blank) != true)
        #expect(generator.question(for: fact("Sets").id, kind: .clozeTyped, seed: 1) == nil)
        // "Sorted Sets" is asked by what tells it from "Sets", which stays in
        // view (typed, being a name; its recall card recalls its topic first).
        let sorted = try #require(generator.question(for: fact("Sorted Sets").id, kind: .clozeTyped, seed: 1))
        #expect(sorted.prompt == "Redis has these data types: Strings, Hashes, Lists, Sets, _____ Sets")
        #expect(sorted.answer == "Sorted")
    }

    @Test func itemsNestedUnderAnItemDoNotEndItsList() throws {
        let (generator, facts) = try Self.generator(for: """
            # Pastebin
            ## Use case: the user enters a block of text and gets a generated link
            - Generates a unique url
                - Checks if the url is unique by looking at the database
                - If the url is not unique, it generates another url
            - Saves to the SQL Database pastes table
            - Saves the paste data to the Object Store
            - Returns the url
            """)
        let generates = try #require(facts.first { $0.text.plainText == "Generates a unique url" })
        let question = try #require(generator.question(for: generates.id, kind: .flip, seed: 1))
        // The list is the four items, the two nested under the first passed over; "url" shows in "Returns the url".
        #expect(question.prompt == "Generates a _____ url; Saves to the SQL Database pastes table; Saves the paste data to the Object Store; Returns the url")
        #expect(question.answer == "unique")
        // "_____ the url" → Returns: a verb the rest of the item calls for is no part to recall.
        let returns = try #require(facts.first { $0.text.plainText == "Returns the url" })
        #expect(generator.question(for: returns.id, kind: .flip, seed: 1)?.answer != "Returns")
    }

    @Test func anItemWhoseWordsShowInItsListIsAskedByWhatTellsItApart() throws {
        let (generator, facts) = try Self.generator(for: """
            # Pastebin
            ## Use cases
            - User enters a block of text and gets a link
            - User enters a paste's url and views the contents
            - User is anonymous
            - Service tracks analytics of pages
            ## Databases Intro
            - You can structure the data
            - You build indexes to query the data
            - You define relationships between your datasets
            ## State assumptions
            - Traffic is not evenly distributed
            - 10 million users
            - 10 million paste writes per month
            - 100 million paste reads per month
            ## Hooks
            - React DOM
            - React DOM Server
            - React Test Renderer
            ## Social graph
            - Users have friends
            - Posts have comments
            - Users share and like posts
            """)
        func fact(_ text: String) -> Fact { facts.first { $0.text.plainText == text }! }
        // Statements: the words every "User …" item shares stay, the rest is recalled.
        let anonymous = try #require(generator.question(for: fact("User is anonymous").id, kind: .flip, seed: 1))
        #expect(anonymous.prompt == "User enters a block of text …; User enters a paste's url and …; User is _____; Service tracks analytics of pages")
        #expect(anonymous.answer == "anonymous")
        // A verb after "can" is no part to recall: "You can _____ the data" → structure (or query, or index).
        #expect(generator.question(for: fact("You can structure the data").id, kind: .flip, seed: 1)?.answer != "structure")
        // What a number counts is half of it: no "10 million _____" → users.
        #expect(generator.question(for: fact("10 million users").id, kind: .flip, seed: 1)?.answer != "users")
        // A name's part is typed; a sentence's word is not ("share" would be said other ways).
        #expect(generator.question(for: fact("React DOM Server").id, kind: .clozeTyped, seed: 1)?.answer == "Server")
        #expect(generator.question(for: fact("Users share and like posts").id, kind: .clozeTyped, seed: 1) == nil)
        #expect(QuestionGenerator.isAName("React Test Renderer") && !QuestionGenerator.isAName("Users share and like posts"))

        // Japanese: the kanji that tell 水平スケーリング from the scale in the heading.
        let (japanese, items) = try Self.generator(for: """
            # システム設計入門
            ## ステップ 4: システム設計のスケール
            - ロードバランサー
            - 水平スケーリング
            - キャッシング
            - データベースシャーディング
            ## ステップ 1: 動画を観て復習する
            - 垂直スケーリング
            - キャッシング
            - ロードバランシング
            - ロードテスト
            """)
        let horizontal = try #require(japanese.question(for: items[1].id, kind: .flip, seed: 1))
        #expect(horizontal.prompt == "ロードバランサー、_____スケーリング、キャッシング、データベースシャーディング")
        #expect(horizontal.answer == "水平")
        // Never half of a katakana loanword ("ロード_____" → テスト, beside ロードバランシング).
        let test = try #require(items.first { $0.text.plainText == "ロードテスト" })
        #expect(japanese.question(for: test.id, kind: .flip, seed: 1)?.answer != "テスト")
    }

    @Test func whatEveryItemOfAListBeginsWithStaysInView() throws {
        let (generator, facts) = try Self.generator(for: """
            # React
            ## Prop types
            The set of predefined prop types:

            - PropTypes.number
            - PropTypes.string
            - PropTypes.array
            - PropTypes.bool
            """)
        let question = try #require(generator.question(for: facts[1].id, kind: .flip, seed: 1))
        #expect(question.prompt == "The set of predefined prop types: PropTypes.number, PropTypes._____, PropTypes.array, PropTypes.bool")
        #expect(question.answer == "string")
        #expect(generator.question(for: facts[1].id, kind: .clozeTyped, seed: 1)?.answer == "string")
        // A list that is mostly names asks its names; a long item is shown shortened, never asked.
        let (ordered, methods) = try Self.generator(for: """
            # React
            ## Ordering
            Recommended ordering of methods:

            1. `constructor()`
            2. `getChildContext()`
            3. `componentDidMount()`
            4. click handlers or event handlers like `onClickSubmit()` or `onChangeDescription()`
            """)
        let recall = try #require(ordered.question(for: methods[1].id, kind: .flip, seed: 1))
        #expect(recall.prompt == "Recommended ordering of methods: constructor(), _____, componentDidMount(), click handlers or event handlers like …")
        #expect(ordered.question(for: methods[3].id, kind: .flip, seed: 1)?.prompt.hasPrefix("Recommended ordering") != true)
        // A shared beginning inside a word is not split off.
        #expect(QuestionGenerator.sharedPrefix(of: ["componentDidMount()", "componentWillMount()", "componentDidUpdate()"]) == "")
        #expect(QuestionGenerator.sharedPrefix(of: ["PropTypes.number", "PropTypes.string"]) == "PropTypes.")
    }

    @Test func anItemUnderALabelIsAskedByItsLabelEvenUnderSummary() throws {
        let (generator, facts) = try Self.generator(for: """
            # Integration
            ## Integration - Summary
            - SQS:
              - Queue service in AWS
              - Consumers delete messages when done
            - SNS:
              - Notification service in AWS
              - Subscribers get every message
            - Kinesis Data Streams:
              - Shards hold records for replay
            - Kinesis: real-time data streaming, persistence and analysis
            - Amazon MQ: managed Apache ActiveMQ in the cloud
            """)
        let queue = facts.first { $0.text.plainText == "Queue service in AWS" }!
        let question = try #require(generator.question(for: queue.id, kind: .whichTopic, seed: 1))
        #expect(question.answer == "SQS")
        #expect(Set(question.options).isSubset(of: ["SQS", "SNS", "Kinesis Data Streams", "Kinesis", "Amazon MQ"]))
        #expect(question.options.count == 4)
        #expect(question.context.isEmpty)
        // And by what the other label holds: "Which of these belongs under “SQS”?"
        let statement = try #require(generator.question(for: queue.id, kind: .definitionChoice, seed: 1))
        #expect(statement.prompt == "Which of these belongs under “SQS”?")
        #expect(statement.options.contains("Notification service in AWS"))
    }

    @Test func aNestedItemIsAskedByItsParentWhenItsHeadingHasTooFewNeighbours() throws {
        let (generator, facts) = try Self.generator(for: """
            # Pastebin
            ## Out of scope
            - User registers for an account
                - User verifies email
            - User can set visibility
            ## Use case: the user enters text and gets a link
            - Generates a unique url
                - Checks the database for a duplicate
            - Base 62 encode the MD5 hash
                - Works well for urls
            - Service tracks analytics of pages
                - Monthly visit stats
            """)
        let verifies = try #require(facts.first { $0.text.plainText == "User verifies email" })
        // "Out of scope" has one other heading beside it, whose title shares "user": no three to offer.
        let question = try #require(generator.question(for: verifies.id, kind: .whichTopic, seed: 1))
        #expect(question.prompt == "[…] verifies email")
        #expect(question.answer == "User registers for an account")
        // The labels of other parents, one of six words beside one of five.
        #expect(Set(question.options) == ["User registers for an account", "Generates a unique url",
                                          "Base 62 encode the MD5 hash", "Service tracks analytics of pages"])
        #expect(question.context.isEmpty)
    }

    @Test func aFactWithNoKeyTermRecallsItsTopicWithTheTitleMasked() throws {
        let (generator, facts) = try Self.generator(for: """
            # Integration
            ## Amazon SQS
            - Oldest AWS offering (over 10 years old)
            - SQS scales from one message a second to tens of thousands
            ## Amazon SNS
            - Sends one message to many receivers
            ## Redshift Overview
            - Columnar storage of data instead of rows
            """)
        let oldest = facts.first { $0.text.plainText.hasPrefix("Oldest") }!
        let recall = try #require(generator.question(for: oldest.id, kind: .flip, seed: 1))
        #expect(recall.prompt == "Which topic? Oldest AWS offering (over 10 years old)")
        #expect(recall.answer == "Amazon SQS")
        #expect(recall.context.isEmpty, "the path would show the answer")
        let scales = facts.first { $0.text.plainText.hasPrefix("SQS scales") }!
        #expect(generator.question(for: scales.id, kind: .flip, seed: 1)?.prompt.hasPrefix("Which topic? […] scales") == true)
        // "Redshift Overview" names Redshift: a topic, not a catch-all like "Summary".
        let columnar = facts.first { $0.text.plainText.hasPrefix("Columnar") }!
        #expect(generator.question(for: columnar.id, kind: .flip, seed: 1)?.answer == "Redshift Overview")
    }

    @Test func anItemOfAListOfStatementsIsRecalledWholeFromTheRest() throws {
        let (generator, facts) = try Self.generator(for: """
            # Pastebin
            ## State assumptions
            - Traffic is not evenly distributed
            - Following a short link should be fast
            - Pastes are text only
            - Page view analytics do not need to be realtime
            """)
        let traffic = facts.first { $0.text.plainText.hasPrefix("Traffic") }!
        let recall = try #require(generator.question(for: traffic.id, kind: .flip, seed: 1))
        #expect(recall.answer == "Traffic is not evenly distributed")
        #expect(recall.prompt.hasPrefix("_____; Following a short link should be fast; Pastes are text only"))
        // Every other item shows; the recalled one nowhere.
        #expect(!recall.prompt.contains("Traffic"))
        #expect(recall.context == ["Pastebin › State assumptions"])
        // Two words are an item too, when the list is not one of short names.
        let (hocs, uses) = try Self.generator(for: """
            # React
            ## What are Higher-Order Components?
            1. Code reuse, logic and bootstrap abstraction.
            2. Render hijacking.
            3. State abstraction and manipulation.
            4. Props manipulation.
            """)
        let hijacking = try #require(hocs.question(for: uses[1].id, kind: .flip, seed: 1))
        #expect(hijacking.prompt == "Code reuse, logic and bootstrap abstraction.; _____; State abstraction and manipulation.; Props manipulation.")
        #expect(hijacking.answer == "Render hijacking.")
    }

    @Test func aStatementWithNoTermToHideIsAskedByAPhraseOfIt() throws {
        let (generator, facts) = try Self.generator(for: """
            # Release notes
            ## Summary
            - rustc is linked statically on Windows MSVC targets, allowing it to run without installing the MSVC runtime.
            """)
        let fact = try #require(facts.first)
        let recall = try #require(generator.question(for: fact.id, kind: .flip, seed: 1))
        // Whole words, after a clause break, none of them shown elsewhere ("MSVC" is in both halves, so not hidden).
        #expect(recall.prompt.contains("_____"))
        let whole = recall.prompt.replacingOccurrences(of: "_____", with: recall.answer)
        #expect(whole == fact.text.plainText)
        #expect(!recall.answer.contains("MSVC"))
        for word in recall.answer.split(separator: " ") where word.count > 3 {
            #expect(!recall.prompt.lowercased().contains(word.lowercased()), "\(word) shows beside the blank")
        }
        #expect(recall.answer.count * 10 <= fact.text.plainText.count * 6, "the blank is most of the fact")
    }

    @Test func aBareLabelOverNestedItemsIsTheirContextNotAFact() throws {
        let (_, facts) = try Self.generator(for: """
            # Version 0.10
            - Language
              - A new RFC process is now in place for modifying the language.
            - Collect data
              - from S3
            """)
        #expect(facts.map(\.text.plainText) == ["A new RFC process is now in place for modifying the language.", "Collect data", "from S3"])
        #expect(facts[0].context?.plainText == "Language")
    }

    @Test func noBlankOnAnAbbreviationTheWordsAroundItSpellOutNorOnAUnitAlone() throws {
        let (generator, facts) = try Self.generator(for: """
            # Databases
            ## Migration
            - **Database Migration** Service: **DMS** moves databases to AWS
            ## Sizes
            - Size per paste total = ~1.27 KB of text
            """)
        for fact in facts {
            for kind in QuestionKind.allCases {
                guard let question = generator.question(for: fact.id, kind: kind, seed: 1), question.prompt.contains("_____") else { continue }
                #expect(question.answer != "DMS", "\(kind): \(question.prompt)")
                #expect(question.answer != "KB", "\(kind): \(question.prompt)")
            }
        }
        #expect(QuestionGenerator.spellsOut("DMS", "Database Migration _____"))
        #expect(QuestionGenerator.spellsOut("SNS: _____", "Notification service in AWS"))
        #expect(!QuestionGenerator.spellsOut("EC2", "Elastic Compute Cloud"))
    }

    @Test func noFalseStatementSwapsAnIdInAPathAndNoPhraseCutsANameOrAGeneric() throws {
        let (generator, facts) = try Self.generator(for: """
            # Communication
            ## RPC and REST
            | Operation | RPC | REST |
            |---|---|---|
            | Read a person | GET /readPerson?personid=1234 | GET /persons/1234 |
            | Read a person's items | GET /readUsersItemsList?personid=456 | GET /persons/456/items |
            ## Identity
            - Directory Services: integrate Microsoft Active Directory in AWS
            - std: A new vector type, Vec<T>, has been added in preparation for DST.
            """)
        for fact in facts {
            for seed in 1...6 as ClosedRange<UInt64> {
                // Each row keeps its own ids in any false version ("1234" is not swapped for "456").
                for (own, other) in [("1234", "456"), ("456", "1234")] where fact.text.plainText.contains("/persons/\(own)") {
                    if let statement = generator.question(for: fact.id, kind: .trueFalse, seed: seed, truth: false) {
                        #expect(!statement.prompt.contains(other), "\(statement.prompt)")
                    }
                }
                for kind in [QuestionKind.flip, .clozeTyped, .clozeChoice] {
                    guard let question = generator.question(for: fact.id, kind: kind, seed: seed) else { continue }
                    #expect(!question.prompt.contains("_____ Directory"), "\(question.prompt)")
                    #expect(!question.prompt.contains("_____>"), "\(question.prompt)")
                }
            }
        }
    }

    @Test func noFalseStatementSwapsATermForTheKindItIs() throws {
        // "RPCをデバッグするのは難しい" made "false" as "APIを…" stays true: RPC is an API.
        let (generator, facts) = try Self.generator(for: """
            # 通信
            ## 遠隔手続呼出 (RPC)
            - **クライアント通信モジュール** - OSがクライアントからサーバーへとメッセージを送ります。
            - **サーバー通信モジュール** - OSが受け取ったパケットをサーバースタブプロシージャーに受け渡します。
            ### 欠点: RPC
            - RPCクライアントとはサービス実装により厳密に左右されることになります。
            - 新しいオペレーション、使用例があるたびに新しくAPIが定義されなければなりません。
            - RPCをデバッグするのは難しい可能性があります。
            ## REST
            - **REST** プロトコルに従うHTTP APIはパブリックAPIにおいてよく用いられます。
            - RESTはHTTPの上に作られ、URIでリソースを指します。
            """)
        var falseVersions: [String] = []
        for fact in facts {
            for seed in 1...12 as ClosedRange<UInt64> {
                if let statement = generator.question(for: fact.id, kind: .trueFalse, seed: seed, truth: false) {
                    falseVersions.append(statement.prompt)
                }
            }
        }
        #expect(!falseVersions.isEmpty)
        for statement in falseVersions {
            #expect(!statement.hasPrefix("APIをデバッグ") && !statement.hasPrefix("APIクライアント"), "\(statement)")
            #expect(!statement.contains("APIが受け取った") && !statement.contains("APIがクライアント"), "\(statement)")
        }
    }

    @Test func aChineseTableCellIsAskedByItsColumn() throws {
        let (generator, facts) = try Self.generator(for: """
            # MQ
            ## 有什么优缺点
            | 特性 | ActiveMQ | RabbitMQ | RocketMQ | Kafka |
            |---|---|---|---|---|
            | 时效性 | ms 级 | 微秒级，延迟最低 | ms 级 | 延迟在 ms 级以内 |
            | 可用性 | 高，基于主从架构实现高可用 | 同 ActiveMQ | 非常高，分布式架构 | 非常高，分布式，一个数据多个副本，少数机器宕机，不会丢失数据 |
            | 消息可靠性 | 有较低的概率丢失数据 | 基本不丢 | 经过参数优化配置，可以做到 0 丢失 | 同 RocketMQ |
            """)
        let row = try #require(facts.first { $0.text.plainText.hasPrefix("可用性") })
        var asked: Set<String> = []
        for seed in 1...12 as ClosedRange<UInt64> {
            guard let question = generator.question(for: row.id, kind: .clozeChoice, seed: seed) else { continue }
            #expect(Set(question.options) == ["ActiveMQ", "RabbitMQ", "RocketMQ", "Kafka"])
            #expect(question.prompt.hasPrefix("「可用性」一项中，_____ 是："), "\(question.prompt)")
            #expect(question.context.isEmpty)
            asked.insert(question.answer)
        }
        // Kafka's cell alone tells its column: ActiveMQ's is RabbitMQ's too
        // ("同 ActiveMQ"), and RocketMQ's is half of Kafka's.
        #expect(asked == ["Kafka"])
    }

    @Test func aJapaneseDefinitionSharingAWordWithThePathIsAskedWithNoPath() throws {
        // "サーバー" of the definition stands in the path ("webサーバー"): shown, the path would give a pair of its characters away.
        let (generator, facts) = try Self.generator(for: """
            # システム設計
            ## リバースプロキシ(webサーバー)
            - **より堅牢なセキュリティ** - バックエンドサーバーの情報を隠したり、IPアドレスをブラックリスト化したりできます。
            - **SSL termination** - 入力されるリクエストを解読し、レスポンスを暗号化します。
            - **スケーラビリティや柔軟性が増します** - クライアントはリバースプロキシのIPしか見ないので、裏でサーバーをスケールできます。
            - **静的コンテンツ** - 静的なファイルを直接送信することができます。
            """)
        let security = try #require(facts.first { $0.text.plainText.hasPrefix("より堅牢な") })
        let question = try #require(generator.question(for: security.id, kind: .definitionChoice, seed: 1))
        #expect(question.prompt == "What is より堅牢なセキュリティ?")
        #expect(question.context.isEmpty)
        #expect(question.answer == "バックエンドサーバーの情報を隠したり、IPアドレスをブラックリスト化したりできます。")
        #expect(question.options.count == 4)
        // A sentence ending in a predicate ("…が増します") is no term to ask "What is" of.
        let sentence = try #require(facts.first { $0.text.plainText.hasPrefix("スケーラビリティ") })
        for seed in 1...6 as ClosedRange<UInt64> {
            #expect(generator.question(for: sentence.id, kind: .definitionChoice, seed: seed)?.prompt.hasPrefix("What is") != true)
        }
    }

    @Test func aHeadedChineseParagraphIsSaidUnderAnotherHeadlineAndNoBlankIsAConjunction() throws {
        let (generator, facts) = try Self.generator(for: """
            # 消息队列
            ## 消息队列有什么优缺点
            缺点有以下几个：

            - 系统可用性降低<br>
            系统引入的外部依赖越多，越容易挂掉。万一 MQ 挂了咋整，MQ 一挂，整套系统崩溃的。

            - 系统复杂度提高<br>
            硬生生加个 MQ 进来，你怎么保证消息没有重复消费？怎么处理消息丢失的情况？头大头大，痛苦不已。

            - 一致性问题<br>
            A 系统处理完了直接返回成功了；但是问题是，要是 BCD 三个系统那里，BD 两个系统写库成功了，结果 C 系统写库失败了，你这数据就不一致了。
            """)
        #expect(facts.count == 3)
        let consistency = try #require(facts.first { $0.text.plainText.hasPrefix("一致性问题") })
        let statement = try #require(generator.question(for: consistency.id, kind: .trueFalse, seed: 1, truth: false))
        // "系统" is in two headlines: the body's "A 系统" does not make 系统可用性降低 its headline.
        #expect(statement.prompt.hasPrefix("系统可用性降低 A 系统处理完了"), "\(statement.prompt)")
        #expect(statement.answer == "False")
        for seed in 1...8 as ClosedRange<UInt64> {
            let flip = generator.question(for: consistency.id, kind: .flip, seed: seed)
            #expect(flip?.answer != "要是", "\(flip?.prompt ?? "")")
        }
    }

    @Test func aJapaneseTableRowIsDefinedAmongItsOwnTablesRows() throws {
        // "What is POST?" once offered rows of another table ("システム: Bigtable - …; 参考ページ: …").
        let (generator, facts) = try Self.generator(for: """
            # 通信
            ## HTTP
            | Verb | 詳細 | 冪等性 | セーフ |
            |---|---|---|---|
            | GET | リソースを読み取る | Yes | Yes |
            | POST | リソースを作成するもしくはデータを処理するトリガー | No | No |
            | PUT | リソースを作成もしくは入れ替える | Yes | No |
            | PATCH | リソースを部分的に更新する | No | No |
            | DELETE | リソースを削除する | Yes | No |

            ## 実世界のアーキテクチャ
            | 種類 | システム | 参考ページ |
            |---|---|---|
            | データ処理 | MapReduce - Googleの分散データ処理システム | research.google.com |
            | データストア | Bigtable - Googleのカラム指向分散データベース | harvard.edu |
            | データストア | Cassandra - Facebookのカラム指向分散データベース | slideshare.net |
            | ファイルシステム | GFS - 分散ファイルシステム | research.google.com |
            """)
        let post = try #require(facts.first { $0.text.plainText.hasPrefix("POST") })
        var asked = 0
        for seed in 1...8 as ClosedRange<UInt64> {
            guard let question = generator.question(for: post.id, kind: .definitionChoice, seed: seed), question.prompt == "What is POST?" else { continue }
            asked += 1
            for option in question.options { #expect(option.hasPrefix("詳細: リソースを"), "\(option)") }
        }
        #expect(asked > 0)
    }

    @Test func aJapaneseTitlesLatinGlossNeedsNoKatakanaSpellingButItsAbbreviationShows() throws {
        let (generator, facts) = try Self.generator(for: """
            # システム設計入門
            ## ロードバランサー
            - **SSL termination** - 入力されるリクエストを解読し、レスポンスを暗号化します。
                - X.509 certificates をそれぞれのサーバーにインストールする必要をなくします
            - ランダムもしくはラウンドロビンでトラフィックを振り分けます。
            ## リバースプロキシ(webサーバー)
            - **SSL termination** - 入力されるリクエストを解読し、サーバーのレスポンスを暗号化します。
                - X.509 証明書 を各サーバーにインストールする必要がなくなります。
            - **圧縮** - サーバーレスポンスを圧縮できます
            ## コンテンツデリバリーネットワーク(Content delivery network)
            - バックエンドサーバーはCDNが処理してくれるリクエストに関しては処理する必要がなくなります
            - ユーザーは近くにあるデータセンターから受信できる
            ## セキュリティ
            - 全てのユーザー入力をサニタイズする
            ## ドメインネームシステム
            - ドメイン名をIPアドレスに変換します
            ## 学習指針
            - 幅広くシステム設計トピックを学ぶ
            """)
        func fact(_ start: String) throws -> Fact { try #require(facts.first { $0.text.plainText.hasPrefix(start) }) }
        // "web" of the gloss needs no katakana spelling: "圧縮" is asked by its topic.
        let compression = try #require(generator.question(for: try fact("圧縮").id, kind: .whichTopic, seed: 1))
        #expect(compression.answer == "リバースプロキシ(webサーバー)")
        // "CDN" is spelled by the gloss "Content delivery network": no which-topic.
        #expect(generator.question(for: try fact("バックエンドサーバーはCDN").id, kind: .whichTopic, seed: 1) == nil)
        #expect(generator.question(for: try fact("ユーザーは近く").id, kind: .whichTopic, seed: 1) != nil)
        // X.509 under both headings: neither is offered as the other's distractor.
        var asked = 0
        for (start, other) in [("X.509 証明書", "ロードバランサー"), ("X.509 certificates", "リバースプロキシ(webサーバー)")] {
            for seed in 1...10 as ClosedRange<UInt64> {
                guard let question = generator.question(for: try fact(start).id, kind: .whichTopic, seed: seed) else { continue }
                asked += 1
                #expect(!question.options.contains(other), "\(question.options)")
            }
        }
        #expect(asked > 0)
    }

    @Test func aChinesePhraseRecallRunsFromBreakToBreak() throws {
        let (generator, facts) = try Self.generator(for: """
            # 消息队列
            ## 缺点
            - 一致性问题 A 系统处理完了直接返回成功了，人都以为你这个请求就成功了；但是问题是，要是 BCD 三个系统那里，BD 两个系统写库成功了，结果 C 系统写库失败了，咋整？你这数据就不一致了。
            """)
        let fact = try #require(facts.first)
        for seed in 1...5 as ClosedRange<UInt64> {
            guard let recall = generator.question(for: fact.id, kind: .flip, seed: seed) else { continue }
            // "写_____" would hide half of 写库.
            #expect(!recall.prompt.contains("写_____"), "\(recall.prompt)")
            let before = recall.prompt.split(separator: "_____", omittingEmptySubsequences: false)[0].last
            #expect(before.map { "，；。 ：的了是在和与或就都也把被".contains($0) || $0.isASCII } ?? true, "\(recall.prompt)")
        }
    }

    @Test func aTableRowIsAskedByItsLabelAndAsATwoColumnSwap() throws {
        let (generator, facts) = try Self.generator(for: """
            # State libraries
            ## Redux and MobX
            | Topic | Redux | MobX |
            | --- | --- | --- |
            | Learning curve | Steep with much boilerplate | Gentle with little ceremony |
            | Debugging | Time travel through every action | Harder to follow implicit reactions |
            | Mutability | Reducers return fresh objects | Observables are changed in place |
            | Typing | Written in TypeScript today | Decorators need extra compiler flags |
            """)
        let row = try #require(facts.first { $0.text.plainText.hasPrefix("Debugging") })
        let choice = try #require(generator.question(for: row.id, kind: .clozeChoice, seed: 3))
        #expect(choice.prompt.hasPrefix("_____ — Redux: Time travel"), "\(choice.prompt)")
        #expect(choice.answer == "Debugging")
        #expect(Set(choice.options) == ["Debugging", "Learning curve", "Mutability", "Typing"])
        let swapped = try #require(generator.question(for: row.id, kind: .trueFalse, seed: 1, truth: false))
        #expect(swapped.prompt == "Debugging — Redux: Harder to follow implicit reactions; MobX: Time travel through every action")
        // A label whose word shows in its cells is blanked with that word
        // masked there, as which-topic masks a title; never when a cell would
        // be mostly masks ("Strict […]" of "Strict ordering").
        let (repeating, repeatingFacts) = try Self.generator(for: """
            # Queues
            ## Compared
            | | ActiveMQ | Kafka |
            | --- | --- | --- |
            | Throughput | Ten thousand a second | Throughput of a hundred thousand |
            | Latency | Milliseconds at most | Within milliseconds too |
            | Availability | Primary and replica pair | Distributed replicas per partition |
            | Features | Every feature of the field | Simple, aimed at logs |
            | Ordering | Strict ordering | Per partition |
            """)
        let throughput = try #require(repeatingFacts.first { $0.text.plainText.hasPrefix("Throughput") })
        let masked = try #require(repeating.question(for: throughput.id, kind: .clozeChoice, seed: 1))
        #expect(masked.prompt == "_____ — ActiveMQ: Ten thousand a second; Kafka: […] of a hundred thousand")
        #expect(masked.answer == "Throughput")
        #expect(!masked.options.contains { $0 != "Throughput" && $0.contains("Throughput") })
        // Row labels are options of one closed set, but never one where the answer stands out by its shape.
        #expect(QuestionGenerator.threeNotSinglingOut("Data Store", from: ["Definition", "Programming", "Performance", "Usage"]) == nil)
        #expect(QuestionGenerator.threeNotSinglingOut("Data Store", from: ["Definition", "Programming", "Learning curve", "Usage"])
                == ["Definition", "Programming", "Learning curve"])
        #expect(QuestionGenerator.threeNotSinglingOut("单机吞吐量", from: ["可用性", "时效性", "功能支持"]) == ["可用性", "时效性", "功能支持"])
        let ordering = try #require(repeatingFacts.first { $0.text.plainText.hasPrefix("Ordering") })
        #expect(repeating.question(for: ordering.id, kind: .clozeChoice, seed: 1)?.prompt.hasPrefix("_____") != true)
    }

    @Test func aTwoColumnRowWhoseFirstCellHasNoHeaderIsSwappedAsAFalseStatement() throws {
        // The loader names a first cell by its header only when it is a
        // sentence: "Updates are slow" stands bare beside "Real DOM: …" rows.
        let (generator, facts) = try Self.generator(for: """
            # React
            ## Real DOM and Virtual DOM
            | Real DOM | Virtual DOM |
            | --- | --- |
            | Updates are slow | Updates are fast |
            | It causes too much of memory wastage | There is no memory wastage |
            ## Shared responsibility
            | AWS Responsibility | Customer Responsibility |
            | --- | --- |
            | Infrastructure management, backups, patches | Data security, encryption, access controls |
            | Availability and failover | Data management, monitoring, performance tuning |
            ## Services
            | Service | Use |
            | --- | --- |
            | Amazon Simple Storage | Object storage for files and backups |
            | Amazon Elastic Compute | Virtual servers in the cloud |
            """)
        let slow = try #require(facts.first { $0.text.plainText.hasPrefix("Updates are slow") })
        #expect(slow.text.plainText == "Updates are slow — Virtual DOM: Updates are fast")
        let swapped = try #require(generator.question(for: slow.id, kind: .trueFalse, seed: 1, truth: false))
        // The other row names the first column: the false statement says it.
        #expect(swapped.prompt == "Real DOM: Updates are fast — Virtual DOM: Updates are slow")
        let failover = try #require(facts.first { $0.text.plainText.hasPrefix("Availability and failover") })
        let other = try #require(generator.question(for: failover.id, kind: .trueFalse, seed: 1, truth: false))
        #expect(other.prompt == "Data management, monitoring, performance tuning — Customer Responsibility: Availability and failover")
        // A name beside its description is no pair of claims to swap.
        let storage = try #require(facts.first { $0.text.plainText.hasPrefix("Amazon Simple Storage") })
        for seed in 1...6 as ClosedRange<UInt64> {
            #expect(generator.question(for: storage.id, kind: .trueFalse, seed: seed, truth: false)?.prompt.hasPrefix("Object storage") != true)
        }
    }

    @Test func aTermShownInItsOwnDefinitionIsChosenWithItsWordsMaskedThere() throws {
        let (generator, facts) = try Self.generator(for: """
            # Identity
            ## Summary
            - **Organizations**: manage multiple AWS accounts
            - **Cognito**: create a database of users for your mobile & web applications
            - **Directory Services**: integrate Microsoft Active Directory in AWS
            - **Single Sign-On (SSO)**: one login for multiple AWS accounts & applications
            ## Rust 0.10
            - **std**: std::io now has more public re-exports for readers
            - **green**: the green scheduler moved to its own crate
            - **native**: the native runtime is the default
            - **sync**: new concurrency primitives landed
            """)
        let directory = try #require(facts.first { $0.text.plainText.hasPrefix("Directory Services") })
        let question = try #require(generator.question(for: directory.id, kind: .clozeChoice, seed: 1))
        #expect(question.prompt == "_____: integrate Microsoft Active […] in AWS")
        #expect(question.answer == "Directory Services")
        #expect(Set(question.options) == ["Directory Services", "Organizations", "Cognito", "Single Sign-On (SSO)"])
        // "[…]::io": the rest of the path spells the masked word.
        let std = try #require(facts.first { $0.text.plainText.hasPrefix("std") })
        #expect(generator.question(for: std.id, kind: .clozeChoice, seed: 1)?.prompt.hasPrefix("_____") != true)
        #expect(QuestionGenerator.masksStandAlone("Run […] on large datasets."))
        #expect(!QuestionGenerator.masksStandAlone("A […]! macro was introduced"))
    }

    @Test func anItemOfAPairWithBracketedAsidesIsSaidWithTheOthersAside() throws {
        let (generator, facts) = try Self.generator(for: """
            # Integration
            ## Patterns
            - There are two patterns of application communication
              1. Synchronous communications (application to application)
              2. Asynchronous / Event based (application to queue to application)
            ## Libraries
            - Stabilized APIs
              - Path::strip_prefix (renamed from relative_from)
              - path::StripPrefixError (new error type returned from strip_prefix)
            """)
        let synchronous = try #require(facts.first { $0.text.plainText.hasPrefix("Synchronous") })
        let swapped = try #require(generator.question(for: synchronous.id, kind: .trueFalse, seed: 1, truth: false))
        #expect(swapped.prompt == "Synchronous communications (application to queue to application)")
        #expect(generator.kinds(for: synchronous.id).count >= 2)
        // Two notes of a changelog say no one kind of thing: no swap.
        let strip = try #require(facts.first { $0.text.plainText.hasPrefix("Path::strip_prefix") })
        for seed in 1...6 as ClosedRange<UInt64> {
            #expect(generator.question(for: strip.id, kind: .trueFalse, seed: seed, truth: false)?.prompt.contains("new error type") != true)
        }
    }

    @Test func aNestedStepWhosePathShowsItsWordIsAskedByItsParentAlone() throws {
        let (generator, facts) = try Self.generator(for: """
            # Pastebin
            ## Use case: User enters text and gets a randomly generated link
            - The Write API server does the following:
                - Generates a unique url
                - Saves the paste data to the Object Store
            - Expiration
                - Default setting does not expire
            ## Calculate usage
            - Size per paste
                - 1 KB content per paste
                - shortlink - 7 bytes
            ## Analytics
            - Service tracks analytics of pages
                - Monthly visit stats
                - MapReduce the web server logs
            """)
        let generates = try #require(facts.first { $0.text.plainText == "Generates a unique url" })
        let question = try #require(generator.question(for: generates.id, kind: .definitionChoice, seed: 1))
        #expect(question.prompt == "Which of these belongs under “The Write API server does the following”?")
        // "…randomly generated link" above would show "Generates": no path.
        #expect(question.context.isEmpty)
        #expect(question.answer == "Generates a unique url")
        #expect(QuestionGenerator.labelAsksAlone("The Write API server does the following"))
        #expect(!QuestionGenerator.labelAsksAlone("Expiration"))
        #expect(!QuestionGenerator.labelAsksAlone("Key Features"))
    }

    @Test func twoContrastedClausesThatDifferByOneWordAreSwappedAtThatWord() throws {
        let (generator, facts) = try Self.generator(for: """
            # Cloud
            ## Shared responsibility
            - AWS handles security of the cloud, while customers manage security in the cloud.
            - AWS runs physical servers, while customers run virtual servers.
            - Amazon S3 stores objects, while Amazon EBS stores blocks for one instance.
            """)
        let security = try #require(facts.first { $0.text.plainText.hasPrefix("AWS handles") })
        let swapped = try #require(generator.question(for: security.id, kind: .trueFalse, seed: 1, truth: false))
        #expect(swapped.prompt == "AWS handles security in the cloud, while customers manage security of the cloud.")
        #expect(generator.kinds(for: security.id).count >= 2)
        #expect(QuestionGenerator.swappedContrastText("AWS runs physical servers, while customers run virtual servers.") == nil)
        #expect(QuestionGenerator.swappedContrastText("Amazon S3 stores objects, while Amazon EBS stores blocks for one instance.") == nil)
        #expect(QuestionGenerator.swappedContrastText("Reads are cheap, whereas writes are not cheap") == nil)
        #expect(QuestionGenerator.swappedContrastText("Backups go to the region, whereas replicas go from the region")
                == "Backups go from the region, whereas replicas go to the region")
    }

    @Test func aReferenceColumnIsNeverSwappedWithANameAndAColumnNameNeverSwappedInACell() throws {
        let (generator, facts) = try Self.generator(for: """
            # Systems
            ## Papers
            | Area | System | Reference |
            | --- | --- | --- |
            | Storage | Bigtable - a column store by Google | research.google.com |
            | Processing | Spark - a cluster engine by Databricks | slideshare.net |
            | Caching | Memcached - a memory cache | slideshare.net |
            """)
        for fact in facts {
            for seed in 1...6 as ClosedRange<UInt64> {
                guard let statement = generator.question(for: fact.id, kind: .trueFalse, seed: seed, truth: false) else { continue }
                #expect(!statement.prompt.contains("System: research") && !statement.prompt.contains("System: slideshare"), "\(statement.prompt)")
            }
        }
    }

    @Test func anItemOfOneOfTwoParallelListsIsSaidOfTheOtherAsAFalseStatement() throws {
        let (generator, facts) = try Self.generator(for: """
            # Databases
            ## SQL or NoSQL
            Reasons for **SQL**:

            - Strict schemas
            - Transactions across tables
            - Clear patterns for scaling

            Reasons for **NoSQL**:

            - Dynamic or flexible schemas
            - Very high write throughput
            - Storing many terabytes
            """)
        let transactions = try #require(facts.first { $0.text.plainText == "Transactions across tables" })
        let falseVersion = try #require(generator.question(for: transactions.id, kind: .trueFalse, seed: 1, truth: false))
        #expect(falseVersion.prompt == "Reasons for NoSQL: Transactions across tables")
        let trueVersion = try #require(generator.question(for: transactions.id, kind: .trueFalse, seed: 1, truth: true))
        #expect(trueVersion.prompt == "Reasons for SQL: Transactions across tables")
        // "Strict schemas" beside "Dynamic or flexible schemas": said of NoSQL it might read as either.
        let strict = try #require(facts.first { $0.text.plainText == "Strict schemas" })
        if let question = generator.question(for: strict.id, kind: .trueFalse, seed: 1, truth: false) {
            #expect(!question.prompt.hasPrefix("Reasons for NoSQL"), "\(question.prompt)")
        }
    }

    @Test func aFactUnderACatchAllHeadingIsAskedByItsSection() throws {
        let (generator, facts) = try Self.generator(for: """
            # Rust releases
            ## Version 1.17.0
            ### Misc
            - rustc is linked statically on Windows MSVC targets
            ## Version 1.16.0
            ### Language
            - Self may appear in impl headers
            ## Version 1.15.0
            ### Compiler
            - Procedural derive macros became stable
            ## Version 1.14.0
            ### Cargo
            - cargo install can install several crates at once
            """)
        let fact = try #require(facts.first)
        let question = try #require(generator.question(for: fact.id, kind: .whichTopic, seed: 1))
        #expect(question.answer == "Version 1.17.0")
        #expect(Set(question.options) == ["Version 1.17.0", "Version 1.16.0", "Version 1.15.0", "Version 1.14.0"])
        #expect(question.context.isEmpty)
    }

    @Test func whichTopicOffersHeadingsOfTheAnswersLevel() throws {
        let (generator, facts) = try Self.generator(for: """
            # Rust releases
            ## Version 1.8.0
            - The compiler accepts compound assignment operator overloading
            ### Libraries
            - HashMap and HashSet gained a retain method for filtering entries
            ### Compiler
            - Incremental builds reuse query results between sessions
            ## Version 1.7.0
            - Slices of byte strings compare lexicographically now
            ## Version 1.6.0
            - The core library is stable for embedded targets
            ## Version 1.5.0
            - Cargo install builds binaries from crates published online
            """)
        for fact in facts {
            for seed in 1...4 as ClosedRange<UInt64> {
                guard let question = generator.question(for: fact.id, kind: .whichTopic, seed: seed) else { continue }
                let versions = question.options.filter { $0.hasPrefix("Version") }.count
                #expect(versions == 0 || versions == question.options.count, "\(question.answer): \(question.options)")
            }
        }
        let top = try #require(facts.first)
        let question = try #require(generator.question(for: top.id, kind: .whichTopic, seed: 1))
        #expect(question.options.allSatisfy { $0.hasPrefix("Version") }, "\(question.options)")
    }

    @Test func whichTopicNeverOffersAnotherHeadingThatListsTheSameItem() throws {
        let (generator, facts) = try Self.generator(for: """
            # React
            ## Methods deprecated in React 16
            - componentWillMount()
            - componentWillReceiveProps()
            - componentWillUpdate()
            ## Recommended ordering of class methods
            - constructor()
            - componentWillReceiveProps()
            - shouldComponentUpdate()
            ## Methods of react-dom
            - hydrate()
            - unmountComponentAtNode()
            - findDOMNode()
            ## Methods of ReactDOMServer
            - renderToString()
            - renderToStaticMarkup()
            - renderToNodeStream()
            ## Methods of the test renderer
            - create()
            - toJSON()
            - toTree()
            """)
        let items = facts.filter { $0.text.plainText == "componentWillReceiveProps()" }
        #expect(items.count == 2)
        var asked = 0
        for item in items { for seed in 1...6 as ClosedRange<UInt64> {
            guard let question = generator.question(for: item.id, kind: .whichTopic, seed: seed) else { continue }
            asked += 1
            #expect(question.options.filter { $0.hasPrefix("Recommended") || $0.hasPrefix("Methods deprecated") }.count == 1,
                    "\(question.options)")
        } }
        #expect(asked > 0, "asked under one heading, the other not offered")
    }

    @Test func sampleFoursBrokenQuestionsAreNotMade() throws {
        // n 15: "are not now written".
        let (negating, negatingFacts) = try Self.generator(for: """
            # Rust 0.12
            ## Language
            - Renaming crate imports are now written extern crate foo as bar
            """)
        for seed in 1...6 as ClosedRange<UInt64> {
            if let statement = negating.question(for: negatingFacts[0].id, kind: .trueFalse, seed: seed, truth: false) {
                #expect(!statement.prompt.contains("not now"), "\(statement.prompt)")
            }
        }
        // n 9: "What is Database of objects?"; n 16 and 57: "travel back", "longer affects" as options.
        #expect(!QuestionGenerator.namesATerm("Database of objects"))
        #expect(QuestionGenerator.namesATerm("Infrastructure as a Service"))
        #expect(QuestionGenerator.namesATerm("Rapid elasticity"))
        let (_, facts) = try Self.generator(for: """
            # Tools
            ## Debugging
            - Redux DevTools let you travel back in time through dispatched actions
            - The cfg attribute no longer affects unrelated crates in the workspace
            - Jest automatically finds tests in your source code without configuration
            - Snapshot files store rendered component trees for later comparison
            """)
        let candidates = facts.flatMap { KeyTermFinder.candidates(of: $0).map(\.text) }
        #expect(candidates.contains("source code"), "\(candidates)")
        #expect(!candidates.contains("travel back") && !candidates.contains("longer affects"), "\(candidates)")
        // n 51: options of one shape in Japanese.
        #expect(QuestionGenerator.cjkShape("クエリレベル") == QuestionGenerator.cjkShape("厳格なスキーマ"))
        #expect(QuestionGenerator.cjkShape("エントリを返します") != QuestionGenerator.cjkShape("クエリレベル"))
        #expect(QuestionGenerator.cjkShape("データが複製される。") != QuestionGenerator.cjkShape("エントリを返します"))
    }

    @Test func anAcronymIsOfferedAmongAcronymsOnly() throws {
        // Sample 4, n 20: OLTP among OLAP, DynamoDB and Athena.
        #expect(ShapeMatch.isAcronym("OLTP") && ShapeMatch.isAcronym("EC2") && !ShapeMatch.isAcronym("DynamoDB") && !ShapeMatch.isAcronym("A"))
        let (generator, facts) = try Self.generator(for: """
            # Databases
            ## Relational
            - Relational databases serve **OLTP** workloads such as orders
            ## Warehouses
            - Redshift serves **OLAP** queries over columns
            ## NoSQL
            - **DynamoDB** keeps items by partition key
            ## Serverless SQL
            - **Athena** queries files in S3 with SQL
            ## Queues
            - **SQS** decouples producers from consumers
            ## Notifications
            - **SNS** fans a message out to subscribers
            """)
        var asked = 0
        for seed in 1...6 as ClosedRange<UInt64> {
            guard let question = generator.question(for: facts[0].id, kind: .clozeChoice, seed: seed) else { continue }
            asked += 1
            #expect(question.options.allSatisfy(ShapeMatch.isAcronym), "\(question.options)")
        }
        #expect(asked > 0)
    }

    @Test func aMeasureIsAskedAmongHeadingsThatHoldMeasures() throws {
        // Sample 5, n 20, 33, 41, 42: "Calculate usage" the only heading a size could belong under.
        let (generator, facts) = try Self.generator(for: """
            # Pastebin
            ## Use cases
            - User enters a block of text and gets a link
            ## Out of scope
            - User registers for an account
            ## Communications
            - Internal services talk over remote procedure calls
            ## Calculate usage
            - The created_at column takes 5 bytes
            ## Storage
            - The object store keeps 12.7 TB of new pastes every year
            ## Traffic
            - The service writes 4 pastes per second on average
            ## Caching
            - A memory cache of 40 GB keeps the popular pastes
            """)
        let size = try #require(facts.first { $0.text.plainText.contains("5 bytes") })
        let question = try #require(generator.question(for: size.id, kind: .whichTopic, seed: 1))
        #expect(Set(question.options).isSubset(of: ["Calculate usage", "Storage", "Traffic", "Caching"]), "\(question.options)")
    }

    @Test func aNumberInAnAsideMakesNoMeasureButTheHeadingsMustNotSayTheSame() throws {
        let (generator, facts) = try Self.generator(for: """
            # Integration
            ## Amazon SQS
            - Oldest AWS offering (over 10 years old)
            - Low latency (<10 ms on publish and receive)
            ## Amazon Kinesis
            - Kinesis Data Streams: low latency streaming to ingest data
            ## Amazon SNS
            - Sends one message to many receivers
            ## Amazon MQ
            - Managed Apache ActiveMQ for open protocols
            ## Amazon EventBridge
            - Routes events between applications
            """)
        // "(over 10 years old)" is a detail: the headings need hold no numbers.
        let oldest = try #require(facts.first { $0.text.plainText.hasPrefix("Oldest") })
        let question = try #require(generator.question(for: oldest.id, kind: .whichTopic, seed: 1))
        #expect(question.answer == "Amazon SQS")
        // "Low latency" is said under Kinesis too: Kinesis is never offered against it.
        let latency = try #require(facts.first { $0.text.plainText.hasPrefix("Low latency") })
        for seed: UInt64 in 1...5 {
            #expect(generator.question(for: latency.id, kind: .whichTopic, seed: seed)?.options.contains("Amazon Kinesis") != true)
        }
    }

    @Test func listsSeparatedByAParagraphAreTwoListsAndTwoSpacesAfterASentenceAreNoHole() throws {
        #expect(QuestionGenerator.hasAHole("For example,  elements  to , or"))
        #expect(QuestionGenerator.hasAHole("and  statement positions"))
        #expect(!QuestionGenerator.hasAHole("cargo init creates a project.  It is otherwise like cargo new."))
        let (generator, facts) = try Self.generator(for: """
            # Load balancers
            ## Routing
            Benefits of a balancer:

            - Session management sends a client to one instance every time it returns
            - Preventing requests from going to unhealthy servers at all
            - Eliminating a single point of failure in front of them

            Balancers route traffic by these metrics:

            - Random
            - Least loaded
            - Round robin
            """)
        let leastLoaded = try #require(facts.first { $0.text.plainText == "Least loaded" })
        let recall = try #require(generator.question(for: leastLoaded.id, kind: .flip, seed: 1))
        #expect(!recall.prompt.contains("Session management"), "\(recall.prompt)")
    }

    @Test func katakanaRefusesWhichTopicOnlyForATitleWordItMaySpell() {
        #expect(QuestionGenerator.hasSpellableLatinWord("欠点: federation"))
        #expect(!QuestionGenerator.hasSpellableLatinWord("欠点: DNS"))
        #expect(!QuestionGenerator.hasSpellableLatinWord("パフォーマンス vs スケーラビリティ"))
    }

    // MARK: - Questions the notes ask

    @Test func aQuestionBankItemIsAskedAsWrittenWithItsOptionsShuffled() throws {
        let (generator, facts) = try Self.generator(for: """
            # Practice
            ## Input modes
            ### Which SageMaker input mode streams training data from S3 without copying it to disk first?
            - [ ] File mode.
            - [x] Pipe mode.
            - [ ] Batch transform.
            - [ ] Local mode.
            ### Which services query data in S3 with SQL?
            - [x] Amazon Athena
            - [ ] Amazon SQS
            - [x] Amazon Redshift Spectrum
            ## Plain topic
            - Amazon Kinesis ingests streaming data from hundreds of thousands of sources
            ## Storage
            - Glacier Deep Archive restores objects within twelve hours
            ## Queues
            - Visibility timeouts hide a message while one consumer works on it
            ## Analytics
            - QuickSight dashboards refresh from SPICE on a schedule
            """)
        let single = facts[0], several = facts[1]
        #expect(generator.kinds(for: single.id) == [.authoredChoice])
        #expect(generator.kinds(for: several.id) == [.authoredChoice])
        #expect(!generator.kinds(for: facts[2].id).contains(.authoredChoice))
        var orders: Set<[String]> = []
        for seed in 1...8 as ClosedRange<UInt64> {
            let question = try #require(generator.question(for: single.id, kind: .authoredChoice, seed: seed))
            #expect(question.prompt == "Which SageMaker input mode streams training data from S3 without copying it to disk first?")
            #expect(Set(question.options) == ["File mode.", "Pipe mode.", "Batch transform.", "Local mode."])
            #expect(question.correctOptions.map { question.options[$0] } == ["Pipe mode."])
            #expect(question.isRight(choosing: [question.options.firstIndex(of: "Pipe mode.")!]))
            #expect(!question.isRight(choosing: [question.options.firstIndex(of: "File mode.")!]))
            #expect(!question.choosesSeveral)
            // The heading is the question: the path above it stops short of it.
            #expect(question.context == ["Practice › Input modes"])
            orders.insert(question.options)
            // The same seed asks it the same way.
            #expect(generator.question(for: single.id, kind: .authoredChoice, seed: seed)?.options == question.options)
        }
        #expect(orders.count > 1, "the options are shuffled by the seed")
        let question = try #require(generator.question(for: several.id, kind: .authoredChoice, seed: 3))
        #expect(question.prompt == "Which services query data in S3 with SQL? (choose 2)")
        #expect(question.choosesSeveral)
        let athena = question.options.firstIndex(of: "Amazon Athena")!, spectrum = question.options.firstIndex(of: "Amazon Redshift Spectrum")!
        #expect(question.isRight(choosing: [athena, spectrum]))
        #expect(!question.isRight(choosing: [athena]), "only exactly the checked set is right")
        #expect(!question.isRight(choosing: [athena, spectrum, question.options.firstIndex(of: "Amazon SQS")!]))
        // A topic that is one question is no option of which-topic.
        let kinesis = try #require(generator.question(for: facts[2].id, kind: .whichTopic, seed: 1))
        #expect(!kinesis.options.contains { $0.hasSuffix("?") })
        #expect(Set(kinesis.options) == ["Plain topic", "Storage", "Queues", "Analytics"])
    }

    @Test func aFlipCardOfTheNotesShowsItsWrittenAnswer() throws {
        let (generator, facts) = try Self.generator(for: """
            # React
            ## What is React?
            React is a JavaScript library for building user interfaces.
            ## Features
            - React uses a virtual DOM to batch updates to the page
            """)
        #expect(generator.kinds(for: facts[0].id) == [.flip])
        let card = try #require(generator.question(for: facts[0].id, kind: .flip, seed: 1))
        #expect(card.prompt == "What is React?")
        #expect(card.answer == "React is a JavaScript library for building user interfaces.")
        #expect(card.context == ["React"])
    }
    @Test func aPhraseIsAnOptionOnlyWhereTheNotesWriteItWhole() throws {
        // Sample 6, n 16: "each _____ will be re-evaluated" offered "name correspond" and
        // "impressive static", pieces of "files name correspond to" and "very impressive static
        // type checks"; "finish sooner" ("so that they finish sooner") is a verb and its adverb.
        let (generator, facts) = try Self.generator(for: """
            # Redux
            ## DevTools
            - If you change the reducer code, each staged action will be re-evaluated.
            - Lets you inspect every state and action payload.
            ## Downsides
            - Flux currently lets you do very impressive static type checks which Redux doesn't support yet.
            - No way to do undo (travel back in time) easily without adding so much extra code.
            ## Jest
            - Runs tests in parallel processes so that they finish sooner.
            - Automatically finds tests to execute in your source code.
            ## Structure
            - Reducers: Used for all reducers, where files name correspond to state key.
            - Your reducer should be without side effects, simply digesting the action payload.
            """)
        var distractors: Set<String> = []
        for fact in facts {
            for seed in 1...12 as ClosedRange<UInt64> {
                guard let question = generator.question(for: fact.id, kind: .clozeChoice, seed: seed) else { continue }
                distractors.formUnion(question.options.filter { $0 != question.answer })
            }
        }
        #expect(distractors.isDisjoint(with: ["name correspond", "impressive static", "finish sooner"]), "\(distractors.sorted())")
        // The phrases written whole still stand in for one another.
        #expect(distractors.isSuperset(of: ["staged action", "action payload", "extra code", "source code"]), "\(distractors.sorted())")
        // A word right before an article or a "what" clause takes it as its object: a verb, no phrase's head.
        func phrases(_ text: String) -> [String] {
            KeyTermFinder.candidates(of: Fact(id: FactID(rawValue: "t"), text: InlineText(plain: text), line: 1))
                .filter { $0.kind == .phrase }.map(\.text)
        }
        #expect(!phrases("To change the state, emit an action, an object describing what happened.").contains("object describing"))
        #expect(!phrases("An object with a stack key contains the information about which component threw the error.").contains("component threw"))
        let tokens = TextTokens("Runs tests in parallel processes so that they finish sooner.")
        #expect(KeyTermFinder.standsWhole(14..<32, tokens: tokens))    // "parallel processes"
        #expect(!KeyTermFinder.standsWhole(46..<59, tokens: tokens))   // "finish sooner"
    }
    @Test func optionsAgreeWithTheAnswerInNumberWhereTheSentenceFixesIt() throws {
        // Sample 6, n 10: "Two _____ of different types" offered "underlying" among plurals.
        let (generator, facts) = try Self.generator(for: """
            # React
            ## Diffing
            - Two **elements** of different types will produce different trees.
            - React compares the **underlying** tree before it renders.
            - The **reconciliation** step walks both trees.
            - Use **animations** sparingly in long lists.
            - Keep **configurations** in one file per app.
            - Smooth **transitions** help users follow changes.
            - The **renderer** draws the host views.
            """)
        let two = try #require(facts.first)
        var offered: Set<String> = []
        for seed in 1...12 as ClosedRange<UInt64> {
            let question = try #require(generator.question(for: two.id, kind: .clozeChoice, seed: seed))
            #expect(question.answer == "elements")
            offered.formUnion(question.options)
        }
        #expect(offered == ["elements", "animations", "configurations", "transitions"])
        let tokens = TextTokens("Keep the elements of a list, and each staged action")
        #expect(!ShapeMatch.fixesNumber(around: 9..<17, in: tokens))    // "the elements of"
        #expect(ShapeMatch.fixesNumber(around: 38..<51, in: tokens))    // "each staged action"
    }
    @Test func aStatementIsNotTheOnlyOptionOpeningWithAFigureOrTheOnlyOneNot() {
        // Sample 6, n 2: "12.7 GB of new paste content per month" among three use cases.
        let usesCases = ["User registers for an account", "The Web Server forwards the request", "User enters a block of text",
                         "360 million shortlinks in 3 years"]
        #expect(QuestionGenerator.threeNotSettingApart("12.7 GB of new paste content per month", from: usesCases)
            == ["User registers for an account", "The Web Server forwards the request", "360 million shortlinks in 3 years"])
        #expect(QuestionGenerator.threeNotSettingApart("12.7 GB of new paste content per month", from: Array(usesCases.prefix(3))) == nil)
        #expect(QuestionGenerator.threeNotSettingApart("User verifies email", from: usesCases) == Array(usesCases.prefix(3)))
        // "一" is a word's first character here, not a figure.
        #expect(QuestionGenerator.threeNotSettingApart("一貫性 - 全ての読み込みは最新の書き込み", from: ["可用性 - …", "分断耐性 - …", "元の状態"]) != nil)
    }
    @Test func aStatementIsNegatedBeforeAnAdverbOfMannerButNotOfDegree() {
        // "MD5 is uniformly distributed" had no false version: the adverb stopped it.
        #expect(Negation.inserted(TextTokens("MD5 is uniformly distributed")) == "MD5 is not uniformly distributed")
        #expect(Negation.inserted(TextTokens("Installation will properly configure the dynamic linker"))
            == "Installation will not properly configure the dynamic linker")
        // "is not greatly improved", "is not rarely used": still half true, or a riddle.
        #expect(Negation.inserted(TextTokens("Debug info generation is greatly improved")) == nil)
        #expect(Negation.inserted(TextTokens("The flag is rarely used in practice")) == nil)
    }
    @Test func aNegationWithACurlyApostropheOrCannotIsTakenAway() {
        // "BUT you can’t SSH into your instances" had no false version: "can’t" was no negation to the generator.
        #expect(Negation.flipped(TextTokens("BUT you can’t SSH into your instances")) == "BUT you can SSH into your instances")
        #expect(Negation.flipped(TextTokens("Unions cannot have a Drop implementation")) == "Unions can have a Drop implementation")
        #expect(Negation.flipped(TextTokens("Autoprefixed CSS, so you don’t write vendor prefixes")) == "Autoprefixed CSS, so you write vendor prefixes")
        #expect(Negation.flipped(TextTokens("The cache doesn't expire entries")) == "The cache expires entries")
        #expect(Negation.flipped(TextTokens("Amazon MQ doesn’t “scale” as much as SQS / SNS")) == "Amazon MQ “scales” as much as SQS / SNS")
        // A negative statement keeps its terms: "You shouldn’t call Hooks from regular Route functions" may be as true.
        #expect(Negation.isNegative(TextTokens("You shouldn’t call Hooks from regular JavaScript functions")))
    }
    @Test func noTermIsTakenFromPartOfAColumnHeader() {
        // "参考_____: research.google.com" → ページ was asked: "参考ページ" is the table's header.
        let row = "ファイルシステム — システム: Google File System (GFS) - 分散ファイルシステム; 参考ページ: research.google.com"
        let terms = KeyTermFinder.candidates(of: Fact(id: FactID(rawValue: "t"), text: InlineText(plain: row), line: 1)).map(\.text)
        #expect(!terms.contains("ページ") && !terms.contains("参考"), "\(terms)")
        let get = "GET — 詳細: リソースを読み取る; 冪等性*: Yes; セーフ: Yes; キャッシュできるか: Yes"
        let getTerms = KeyTermFinder.candidates(of: Fact(id: FactID(rawValue: "g"), text: InlineText(plain: get), line: 1)).map(\.text)
        #expect(!getTerms.contains("キャッシュ"), "\(getTerms)")
    }
    @Test func theWordsAfterASubjectPronounAreNoPhraseToHide() {
        func phrases(_ text: String) -> [String] {
            KeyTermFinder.candidates(of: Fact(id: FactID(rawValue: "t"), text: InlineText(plain: text), line: 1))
                .filter { $0.kind == .phrase }.map(\.text)
        }
        // "so that they _____." → finish sooner: the verb and its adverb, no term.
        #expect(!phrases("Runs tests in parallel processes so that they finish sooner.").contains("finish sooner"))
        // "IT" is no pronoun.
        #expect(phrases("Traditional IT requires expensive upfront investments for hardware.").contains("upfront investments"))
    }
    @Test func noBlankOnAWordSpeltAsAPartOfAnIdentifierInView() throws {
        // Sample 7, n 1: "extra: Added a _____ module with ToHex and FromHex traits." → hex.
        // (StdIo gives "std"; its "Io" is too short a part to count.)
        #expect(TextEdits.identifierParts("XMLHttpRequest, div_euclid, __init__, Hexdump, StdIo") == ["xml", "http", "request", "div", "euclid", "std"])
        #expect(TextEdits.identifierPartsByCharacter("XMLHttpRequest, div_euclid, __init__, Hexdump, StdIo, 数据") == ["xml", "http", "request", "div", "euclid", "std"])
        #expect(TextEdits.showsAWord(of: "hex", in: "extra: Added a _____ module with ToHex and FromHex traits."))
        #expect(!TextEdits.showsAWord(of: "hex", in: "extra: Added a _____ module beside the Hexdump tool."))
        let (generator, facts) = try Self.generator(for: """
            # Rust 0.9
            ## Libraries
            - extra: Added a `hex` module with `ToHex` and `FromHex` traits.
            - extra: The `base64` module gained a `ToBase64` trait for byte vectors.
            - std: The `rc` module now holds the reference counted pointer type.
            - std: A new `num` module collects the numeric traits.
            ## Language
            - The `proc` keyword makes closures that may only be called once.
            """)
        let hex = try #require(facts.first)
        var made = 0
        for kind in [QuestionKind.flip, .clozeTyped, .clozeChoice] {
            for seed in 1...6 as ClosedRange<UInt64> {
                guard let question = generator.question(for: hex.id, kind: kind, seed: seed) else { continue }
                made += 1
                #expect(question.answer.lowercased() != "hex", "\(question.prompt)")
            }
        }
        #expect(made > 0)
    }
    @Test func noTwoJapaneseOptionsSayOneStepInOtherWords() throws {
        // Sample 7, n 51: write-through's "アプリケーションはキャッシュにあるエントリを追加・更新します" and
        // write-behind's "キャッシュのエントリーを追加・更新します" offered together.
        let through = "アプリケーションはキャッシュにあるエントリを追加・更新します"
        let behind = "キャッシュのエントリーを追加・更新します"
        #expect(OptionForms.overlap(through, behind))
        #expect(!OptionForms.overlap("キャッシュは同期的にデータストアに書き込みを行います", "データストアへの書き込みを非同期的に行います"))
        #expect(OptionForms.characterPairs("エントリー") == OptionForms.characterPairs("エントリ"))
        #expect(OptionForms.characterPairs("Amazon EC2").isEmpty)
        let (generator, facts) = try Self.generator(for: """
            # システム設計入門
            ## SQLか？NoSQLか？
            - データの多くのTB (もしくは PB) を保存する
            - パフォーマンス上必要なところには非正規化を適用する
            ## ライトスルー
            - \(through)
            ## ライトビハインド
            - \(behind)
            ## キャッシュアサイド
            - 要求されたデータのみがメモリに載ります
            ## リフレッシュアヘッド
            - 期限が切れる前に最近アクセスされたデータを自動的に読み込みます
            """)
        let asked = try #require(facts.first)
        var made = 0
        for seed in 1...12 as ClosedRange<UInt64> {
            guard let question = generator.question(for: asked.id, kind: .definitionChoice, seed: seed) else { continue }
            made += 1
            #expect(!(question.options.contains(through) && question.options.contains(behind)), "\(question.options)")
        }
        #expect(made > 0)
    }
}
