/// The closed word classes a question must never hide or ask about, and the
/// units numbers carry. Lowercased.
///
/// A blank on "already", "you", "cannot" or "Yes" tests grammar, not
/// knowledge; a topic called "Summary" or "References" is not something to
/// learn. These lists are the generator's; the quality audit in the tests
/// keeps its own, so one cannot hide the other's gaps.
public enum WordLists {
    /// Articles, pronouns, auxiliaries, modals, prepositions, conjunctions,
    /// common adverbs, yes/no and vague nouns.
    public static let functionWords: Set<String> = [
        // articles, determiners, quantifiers
        "a", "an", "the", "this", "that", "these", "those", "each", "every", "any", "all", "some", "no", "none",
        "both", "either", "neither", "such", "other", "another", "more", "most", "less", "least", "much", "many",
        "few", "several", "own", "same", "certain", "various", "whole",
        // pronouns
        "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his", "she", "her",
        "hers", "it", "its", "it's", "they", "them", "their", "theirs", "one", "ones", "itself", "themselves",
        "yourself", "something", "anything", "everything", "nothing", "someone", "anyone", "everyone",
        "which", "what", "who", "whom", "whose", "when", "where", "why", "how", "whether", "whatever", "whichever",
        // auxiliaries and modals
        "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "doing", "has", "have",
        "had", "having", "can", "cannot", "could", "may", "might", "must", "shall", "should", "will", "would",
        "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't", "hasn't", "haven't", "hadn't",
        "can't", "couldn't", "won't", "wouldn't", "shouldn't", "mustn't", "it’s", "don’t", "doesn’t", "can’t",
        "isn’t", "won’t", "let", "lets", "get", "gets", "got", "make", "makes", "made", "use", "uses", "used",
        "using", "need", "needs", "needed", "want", "wants", "allow", "allows", "allowed",
        // prepositions and conjunctions
        "of", "to", "in", "on", "for", "with", "by", "at", "as", "from", "into", "onto", "upon", "about", "above",
        "below", "over", "under", "between", "among", "through", "during", "before", "after", "since", "until",
        "within", "without", "across", "along", "around", "behind", "beyond", "against", "toward", "towards",
        "via", "per", "than", "then", "and", "or", "but", "nor", "so", "yet", "if", "unless", "because", "while",
        "although", "though", "whereas", "like", "unlike", "versus", "vs", "etc", "e.g", "i.e", "eg", "ie", "up",
        "down", "out", "off", "instead", "rather", "thus", "hence", "therefore", "however", "also",
        "regardless", "respectively", "otherwise", "anyway", "meanwhile", "nevertheless",
        // adverbs
        "not", "only", "just", "very", "too", "quite", "already", "once", "twice", "always", "never", "often",
        "sometimes", "usually", "generally", "typically", "still", "even", "ever", "again", "here", "there",
        "now", "well", "almost", "really", "simply", "mostly", "mainly", "especially", "directly", "easily",
        "fully", "highly", "primarily", "potentially", "negatively", "instantly", "precisely", "first", "second",
        "last", "next", "previous", "further", "else", "soon", "later", "yes", "ok", "okay", "true", "false",
        // vague nouns and adjectives
        "thing", "things", "way", "ways", "lot", "lots", "kind", "kinds", "type", "types", "example", "examples",
        "case", "cases", "part", "parts", "able", "new", "old", "good", "bad", "better", "best", "worse", "worst",
        "big", "small", "large", "high", "low", "given", "different", "similar", "important", "possible",
        "following", "specific", "general", "available", "correct", "incorrect", "true", "default",
        "option", "options", "choice", "question", "answer", "note", "notes", "see", "also",
    ]

    /// Verbs that open or carry a note's sentence ("Supports …", "… reduces
    /// overfitting"): the sentence's verb is never its key term.
    public static let commonVerbs: Set<String> = [
        "allows", "enables", "reduces", "supports", "requires", "involves", "contains", "provides", "helps",
        "improves", "increases", "decreases", "converts", "compares", "outputs", "stores", "runs", "creates",
        "handles", "offers", "includes", "means", "gives", "takes", "keeps", "shows", "returns", "sends",
        "receives", "becomes", "remains", "works", "serves", "acts", "defines", "describes", "represents",
        "refers", "depends", "applies", "captures", "eliminates", "integrates", "manages", "monitors",
        "automates", "performs", "produces", "generates", "trains", "predicts", "detects", "scales", "costs",
        "charges", "lets", "ensures", "prevents", "avoids", "replaces", "combines", "splits", "reads", "writes",
        "loads", "saves", "calls", "starts", "stops", "deploys", "hosts", "processes", "transforms", "encrypts",
        "decrypts", "protects", "checks", "measures", "tracks", "logs", "limits", "specifies", "determines",
        "indicates", "consists", "comprises", "contain", "provide", "support", "enable", "reduce", "require",
        "include", "create", "is", "are", "has", "have",
    ]

    /// The closed class of English: articles, pronouns, auxiliaries,
    /// prepositions, conjunctions and a few adverbs. Narrower than
    /// `functionWords` (which also holds common words not worth a blank,
    /// "type", "let", "option"): a word of a hidden term that is not grammar
    /// gives the term away wherever it shows.
    public static let grammarWords: Set<String> = [
        "a", "an", "the", "this", "that", "these", "those", "i", "you", "he", "she", "it", "we", "they", "me", "him",
        "her", "us", "them", "my", "your", "his", "its", "our", "their", "is", "are", "was", "were", "be", "been",
        "being", "am", "do", "does", "did", "have", "has", "had", "can", "cannot", "could", "may", "might", "must",
        "shall", "should", "will", "would", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "into",
        "and", "or", "but", "if", "then", "than", "so", "not", "no", "yes", "also", "only", "just", "very", "too",
        "here", "there", "now", "when", "where", "which", "what", "who", "how", "why", "all", "any", "some", "each",
        "every", "more", "most", "less", "such", "other", "about", "over", "under", "up", "out", "via", "per", "etc",
    ]

    /// Topic titles that name a part of a document, not a subject.
    public static let genericTitles: Set<String> = [
        "summary", "introduction", "intro", "references", "reference", "table of contents", "contents", "toc",
        "overview", "conclusion", "conclusions", "resources", "links", "useful links", "notes", "note", "tl;dr",
        "tldr", "faq", "faqs", "further reading", "see also", "appendix", "preface", "about", "index", "misc",
        "miscellaneous", "other", "others", "general", "background", "acknowledgements", "acknowledgments",
        "credits", "license", "licence", "contributing", "changelog", "todo", "to do", "questions", "answers",
        "examples", "example", "tips", "key points", "key takeaways", "takeaways", "review", "recap", "quiz",
        "exam tips", "getting started", "prerequisites", "source", "sources", "reading", "readme", "home",
        "back to top", "benefits", "use cases", "use case", "includes", "features", "key features", "pros", "cons",
        "pros and cons", "advantages", "disadvantages", "limitations", "definitions", "terminology", "glossary",
        "main points", "highlights", "details", "more", "extra", "bonus", "目录", "总结", "概述", "参考", "参考资料", "简介", "前言", "附录", "目次", "まとめ", "概要",
        "参考文献", "はじめに", "索引", "assumptions", "state assumptions", "constraints and assumptions",
        "requirements", "use cases and constraints", "constraints", "next steps", "work in progress", "wip",
        "面试题", "面试题剖析", "面试官心理分析", "题目", "解析", "答案", "ongoing", "additional talking points",
    ]

    /// Words that make any title a catch-all ("Integration - Summary",
    /// "Section Introduction", "Core React"): its facts belong to other topics.
    /// Not "overview": "Redshift Overview" is about Redshift.
    public static let catchAllWords: Set<String> = [
        "summary", "introduction", "intro", "miscellaneous", "misc", "recap", "conclusion", "contents",
        "core", "basics", "general", "other", "others", "appendix", "faq", "faqs",
    ]

    /// Units a number may carry, lowercased, with the form each normalises to.
    public static let units: [String: String] = [
        "%": "%", "percent": "%", "tb": "tb", "gb": "gb", "mb": "mb", "kb": "kb", "pb": "pb", "eb": "eb",
        "tib": "tib", "gib": "gib", "mib": "mib", "kib": "kib", "bytes": "b", "byte": "b", "b": "b",
        "ms": "ms", "milliseconds": "ms", "millisecond": "ms", "s": "s", "sec": "s", "secs": "s",
        "seconds": "s", "second": "s", "min": "min", "mins": "min", "minutes": "min", "minute": "min",
        "h": "h", "hr": "h", "hrs": "h", "hours": "h", "hour": "h", "days": "day", "day": "day",
        "weeks": "week", "week": "week", "months": "month", "month": "month", "years": "yr", "year": "yr",
        "x": "x", "gbps": "gbps", "mbps": "mbps", "kbps": "kbps", "ghz": "ghz", "mhz": "mhz",
        "vcpu": "vcpu", "vcpus": "vcpu", "cores": "core", "core": "core", "regions": "region",
        "rcu": "rcu", "rcus": "rcu", "wcu": "wcu", "wcus": "wcu", "iops": "iops", "tps": "tps", "rps": "rps",
        "k": "k", "m": "m", "items": "item", "item": "item", "requests": "request", "characters": "char",
        "chars": "char", "tokens": "token", "dimensions": "dim", "layers": "layer", "epochs": "epoch",
        "nodes": "node", "instances": "instance", "partitions": "partition", "shards": "shard",
        "replicas": "replica", "copies": "copy", "azs": "az", "gpus": "gpu", "users": "user",
        "dollars": "usd", "usd": "usd", "cents": "cent", "times": "x", "bits": "bit", "bit": "bit",
        "秒": "s", "分": "min", "分钟": "min", "小时": "h", "天": "day", "日": "day", "年": "yr", "个": "",
        "次": "x", "倍": "x", "万": "万", "億": "億", "亿": "億",
        // A magnitude word makes one number with the count ("10 million"), not a row number.
        "thousand": "thousand", "million": "million", "billion": "billion", "trillion": "trillion",
    ]

    /// Words after which a number is a bound, not a value: "up to 75%" is
    /// still true of 50%, so such a number is never swapped in a true/false.
    public static let boundWords: Set<String> = [
        "to", "least", "most", "than", "over", "under", "about", "around", "approximately", "roughly", "nearly",
        "almost", "max", "min", "maximum", "minimum", "upto", "within", "below", "above", "exceeds", "exceed",
        "beyond", "limit", "~", "≈", "<", ">", "≤", "≥",
    ]

    /// Chinese and Japanese function words and vague words, never a blank.
    public static let cjkFunctionWords: Set<String> = [
        "第一", "第二", "第三", "第四", "第五", "看看", "一般", "全面", "了解", "哪些", "知道", "觉得", "一下", "一点", "出来",
        "起来", "不同", "相同", "同时", "之后", "之前", "以后", "以前", "目前", "现在", "最后", "首先", "其次", "另外", "总之",
        "一种", "一个", "一些", "可以", "这个", "那个", "这些", "那些", "我们", "你们", "他们", "它们", "因为", "所以", "但是",
        "如果", "没有", "以及", "或者", "什么", "如何", "需要", "使用", "通过", "进行", "可能", "其中", "之间", "然后", "而且",
        "并且", "例如", "比如", "就是", "还是", "不是", "已经", "非常", "所有", "每个", "任何", "其他", "以下", "以上", "这样",
        "那样", "怎么", "为什么", "时候", "方面", "情况", "问题", "东西", "能够", "应该", "必须", "不能", "不会", "也是",
        "する", "します", "した", "して", "され", "される", "できる", "できます", "ます", "です", "でした", "ません", "など",
        "こと", "もの", "ため", "よう", "これ", "それ", "あれ", "この", "その", "あの", "ここ", "そこ", "あります", "ある",
        "いる", "います", "なる", "なります", "場合", "とき", "ように", "ので", "から", "まで", "より", "について",
        "による", "において", "として", "ください", "という", "といった", "または", "および", "ない", "なく",
        // Conjunctions: "但是问题是，_____ BCD 三个系统那里" → 要是 ("if") asks for grammar.
        "要是", "假如", "可是", "不过", "虽然", "尽管", "只要", "只有", "即使", "哪怕", "于是", "因此", "否则", "不然",
    ]

    /// Chinese and Japanese words too general to blank (サービス, 処理, 环境).
    public static let cjkVagueWords: Set<String> = [
        "サービス", "アプリケーション", "システム", "データ", "ハードウェア", "ソフトウェア", "ユーザー", "サーバー", "リソース",
        "テーブル", "ケース", "タイプ", "レベル", "パターン", "ツール", "プロセス", "方法", "場合", "問題", "情報", "処理", "機能",
        "技術経験", "技術背景", "処理完了", "接口就好", "不就完了", "这里查看", "尽量保证", "处理完了", "系统", "数据", "服务", "应用",
        "环境", "方式", "方法", "问题", "情况", "功能", "性能", "信息", "处理", "操作", "内容", "东西", "时间", "时候",
    ]

    /// Words that name a kind of thing rather than one thing (stems, for
    /// Latin words): swapped in for a name in a true/false, they say what
    /// the name is ("RPCをデバッグするのは難しい" → "APIを…": RPC is an API,
    /// so the "false" version stays true).
    public static let kindWords: Set<String> = [
        "api", "service", "database", "system", "protocol", "server", "framework", "tool", "technology", "platform",
        "application", "app", "data", "software", "component", "module", "network", "storage", "interface", "library",
        "サービス", "データベース", "システム", "プロトコル", "サーバー", "サーバ", "フレームワーク", "ツール", "技術",
        "プラットフォーム", "アプリケーション", "アプリ", "データ", "ソフトウェア", "コンポーネント", "モジュール",
        "ネットワーク", "ストレージ", "インターフェース", "ライブラリ",
        "系统", "服务", "数据库", "协议", "服务器", "框架", "工具", "技术", "平台", "应用", "数据", "软件", "组件", "模块",
        "网络", "存储", "接口",
    ]

    /// Whether a lowercased word is an adverb by its form ("negatively",
    /// "instantly"), leaving nouns that merely end in "ly" ("anomaly").
    public static func looksLikeAdverb(_ lowercased: String) -> Bool {
        guard lowercased.hasSuffix("ly"), lowercased.count >= 5 else { return false }
        return !["anomaly", "assembly", "supply", "family", "monopoly", "reply", "apply", "italy", "poly", "rely",
                 "fly", "july", "ally", "jelly", "belly", "bully", "multiply", "imply", "comply", "only"]
            .contains(lowercased)
    }
}
