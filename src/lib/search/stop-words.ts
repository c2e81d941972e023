/**
 * Per-language stop words: the words of a question that say how it is asked, not what it is about
 * (how, what, 如何, 怎么办, どうすれば, 어떻게, 방법 …), and the particles and endings Chinese and
 * Japanese write as separate words (的, 了, は, を, です …). Search drops them from a query, because
 * Pagefind requires every query word on a page, and no article says "how do I". They are compared
 * with the words of a query as Intl.Segmenter splits it (the way Pagefind splits a query), lower-cased;
 * Korean words also by their stem (어떻게, 방법은 → 방법).
 *
 * Kept short on purpose: a word that can carry the topic (need, before, 之前, 前, 필요) stays.
 */
import type { Locale } from '../site.ts';

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

export const STOP_WORDS: Readonly<Record<Locale, ReadonlySet<string>>> = {
  en: words(`
    a an the and or but of to in on at for from by with about as into than
    is are was were be been being am do does did doing done have has had having
    can could should would will shall may might must
    i me my mine myself we us our you your yours it its they them their he him his she her
    this that these those there here
    how what why when where who whom which whose
    if then so not no any some get gets got getting please way ways
    don't doesn't didn't won't can't cannot isn't aren't wasn't weren't shouldn't i'm i've
  `),
  ko: words(`
    어떻게 어떤 어떻 온 오는 무엇 무엇인가요 무엇입니까 뭐 뭔가요 뭐예요 무슨 왜 언제 어디 어디에 어디서 누가 누구 누구에게
    방법 이유 경우 때 것 수 등
    하나요 해야 해야하나요 합니까 되나요 있나요 있습니까 있는 있는지 있을까요 없나요 할 하면 하려면 하는 해요 하죠
    인가요 입니까 건가요 나요 요 내지 않으면 않는 않을 않아요 안 못 좀 제 저 저희 우리
    알려주세요 싶어요 싶습니다
  `),
  zh: words(`
    如何 怎么 怎样 怎么样 怎么办 办 什么 什么时候 为什么 为何 哪些 哪个 哪里 在哪里 哪儿 谁 多少
    吗 呢 吧 啊 的 了 得 地 是 在 把 会 该 应该 应当 可以 能 能够 要 想 请问 一下 有 没有 不 没
    我 我们 我的 你 你的 您 他们 时 时候 做 和 与 或 及 到 给 对 从
  `),
  ja: words(`
    は が を に で の と へ も や か から まで より な ね よ わ
    する します した して し す れ ば て いる います ある あり ます です ですか ますか でしょう
    ない しない される している ません どう どの よう ように どのように なぜ いつ どこ 誰 何 なに 方法 場合 こと もの
    よい いい 良い べき すべ き ください たい られる れる われる たら なら
    私 自社 当社
  `),
};
