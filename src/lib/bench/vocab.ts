/**
 * Support-domain vocabulary and sentence templates for the benchmark corpus, in the four locales.
 * Every template says the same thing in each language, so a generated translation is aligned with
 * its English source (same sections, links and components) as a real one is.
 *
 * Korean templates mark particles as `{A|을}`: the particle is attached to the noun and chosen by
 * the noun's final syllable (청구를, 구독을, 고객의, 구독에서 …), as Korean text is written.
 */
import type { Locale } from '../site.ts';

export type Localized = Record<Locale, string>;

/** Nouns of billing, technical support, escalation and self-support. */
export const NOUNS: readonly Localized[] = [
  { en: 'billing', ko: '청구', zh: '账单', ja: '請求' },
  { en: 'invoice', ko: '송장', zh: '发票', ja: '請求書' },
  { en: 'subscription', ko: '구독', zh: '订阅', ja: 'サブスクリプション' },
  { en: 'support request', ko: '지원 요청', zh: '支持请求', ja: 'サポート リクエスト' },
  { en: 'escalation', ko: '에스컬레이션', zh: '升级', ja: 'エスカレーション' },
  { en: 'customer tenant', ko: '고객 테넌트', zh: '客户租户', ja: '顧客テナント' },
  { en: 'payment', ko: '결제', zh: '付款', ja: '支払い' },
  { en: 'credit', ko: '크레딧', zh: '额度', ja: 'クレジット' },
  { en: 'refund', ko: '환불', zh: '退款', ja: '返金' },
  { en: 'service incident', ko: '서비스 인시던트', zh: '服务事件', ja: 'サービス インシデント' },
  { en: 'technical support', ko: '기술 지원', zh: '技术支持', ja: '技術サポート' },
  { en: 'billing dispute', ko: '청구 분쟁', zh: '账单争议', ja: '請求に関する紛争' },
  { en: 'usage data', ko: '사용량 데이터', zh: '使用情况数据', ja: '使用状況データ' },
  { en: 'license', ko: '라이선스', zh: '许可证', ja: 'ライセンス' },
  { en: 'reseller agreement', ko: '재판매인 계약', zh: '经销商协议', ja: 'リセラー契約' },
  { en: 'purchase order', ko: '구매 주문서', zh: '采购订单', ja: '発注書' },
  { en: 'support plan', ko: '지원 계획', zh: '支持计划', ja: 'サポート プラン' },
  { en: 'severity level', ko: '심각도 수준', zh: '严重级别', ja: '重大度レベル' },
  { en: 'service health', ko: '서비스 상태', zh: '服务运行状况', ja: 'サービス正常性' },
  { en: 'cost management', ko: '비용 관리', zh: '成本管理', ja: 'コスト管理' },
  { en: 'tax exemption', ko: '세금 면제', zh: '免税', ja: '免税' },
  { en: 'exchange rate', ko: '환율', zh: '汇率', ja: '為替レート' },
  { en: 'credit limit', ko: '신용 한도', zh: '信用额度', ja: '与信限度額' },
  { en: 'price list', ko: '가격표', zh: '价目表', ja: '価格表' },
  { en: 'reconciliation file', ko: '조정 파일', zh: '对账文件', ja: '照合ファイル' },
  { en: 'Azure plan', ko: 'Azure 플랜', zh: 'Azure 计划', ja: 'Azure プラン' },
  { en: 'admin role', ko: '관리자 역할', zh: '管理员角色', ja: '管理者ロール' },
  { en: 'delegated access', ko: '위임된 액세스', zh: '委派访问权限', ja: '委任されたアクセス' },
  { en: 'renewal', ko: '갱신', zh: '续订', ja: '更新' },
  { en: 'cancellation', ko: '취소', zh: '取消', ja: 'キャンセル' },
  { en: 'collections policy', ko: '수금 정책', zh: '收款政策', ja: '回収ポリシー' },
  { en: 'customer agreement', ko: '고객 계약', zh: '客户协议', ja: '顧客契約' },
  { en: 'case number', ko: '사례 번호', zh: '案例编号', ja: 'ケース番号' },
  { en: 'response time', ko: '응답 시간', zh: '响应时间', ja: '応答時間' },
  { en: 'knowledge article', ko: '기술 자료 문서', zh: '知识文章', ja: 'サポート技術情報の記事' },
  { en: 'self-help guide', ko: '셀프 도움말 가이드', zh: '自助指南', ja: 'セルフヘルプ ガイド' },
];

/** A noun only the 21Vianet (china) variants use. */
export const OPERATOR_CHINA: Localized = { en: '21Vianet', ko: '21Vianet', zh: '世纪互联', ja: '21Vianet' };

/** Sentence templates: {A}, {B} nouns, {N} a small number. */
export const SENTENCES: readonly Localized[] = [
  {
    en: 'You are responsible for the {A} and for every {B} that your customers raise.',
    ko: '귀사는 {A|에 대한} 책임이 있으며 고객이 제기하는 모든 {B|에} 대응해야 합니다.',
    zh: '你负责{A}，并需处理客户提出的每一项{B}。',
    ja: '{A}はパートナーの責任であり、顧客から寄せられるすべての{B}に対応する必要があります。',
  },
  {
    en: 'Before you open a new {A}, review the {B} in Partner Center and collect the details your customer gave you.',
    ko: '새 {A|을} 열기 전에 파트너 센터에서 {B|을} 검토하고 고객이 제공한 세부 정보를 수집하세요.',
    zh: '在创建新的{A}之前，请在合作伙伴中心查看{B}，并收集客户提供的详细信息。',
    ja: '新しい{A}を作成する前に、パートナー センターで{B}を確認し、顧客から提供された詳細情報を収集してください。',
  },
  {
    en: 'If the {A} is still open after {N} business days, escalate it with the {B} attached.',
    ko: '{N}영업일이 지난 후에도 {A|이} 해결되지 않으면 {B|을} 첨부하여 에스컬레이션하세요.',
    zh: '如果{A}在 {N} 个工作日后仍未解决，请附上{B}并将其升级。',
    ja: '{N} 営業日が経過しても{A}が解決しない場合は、{B}を添付してエスカレーションしてください。',
  },
  {
    en: 'Your customers can see their {A} only after you share the {B} with them.',
    ko: '고객은 귀사가 {B|을} 공유한 후에만 {A|을} 확인할 수 있습니다.',
    zh: '只有在你与客户共享{B}之后，客户才能查看其{A}。',
    ja: '顧客が{A}を確認できるのは、パートナーが{B}を共有した後だけです。',
  },
  {
    en: 'We recommend that you document how the {A} affects the {B} of each customer.',
    ko: '{A|이} 각 고객의 {B|에} 어떤 영향을 주는지 문서화하는 것이 좋습니다.',
    zh: '建议你记录{A}如何影响每个客户的{B}。',
    ja: '{A}が各顧客の{B}にどのように影響するかを文書化することをお勧めします。',
  },
  {
    en: 'The {A} lists every {B} for the current billing period, including adjustments and credits.',
    ko: '{A|에는} 조정 및 크레딧을 포함하여 현재 청구 기간의 모든 {B|이} 표시됩니다.',
    zh: '{A}列出了当前计费周期内的每一项{B}，包括调整和额度。',
    ja: '{A}には、調整とクレジットを含む、現在の請求期間のすべての{B}が表示されます。',
  },
  {
    en: 'Use the {A} to track the status of each {B} until it is resolved.',
    ko: '{A|을} 사용하여 각 {B|이} 해결될 때까지 상태를 추적하세요.',
    zh: '使用{A}跟踪每个{B}的状态，直到问题解决。',
    ja: '{A}を使用して、各{B}が解決されるまで状態を追跡します。',
  },
  {
    en: 'Only an account administrator can change the {A} or approve the {B}.',
    ko: '계정 관리자만 {A|을} 변경하거나 {B|을} 승인할 수 있습니다.',
    zh: '只有账户管理员才能更改{A}或批准{B}。',
    ja: '{A}を変更したり{B}を承認したりできるのは、アカウント管理者だけです。',
  },
  {
    en: 'Response times for the {A} depend on the severity level and on the {B} your customer chose.',
    ko: '{A|의} 응답 시간은 심각도 수준과 고객이 선택한 {B|에} 따라 달라집니다.',
    zh: '{A}的响应时间取决于严重级别以及客户选择的{B}。',
    ja: '{A}の応答時間は、重大度レベルと顧客が選択した{B}によって異なります。',
  },
  {
    en: 'When the {A} changes, notify the customer and update the {B} within {N} days.',
    ko: '{A|이} 변경되면 고객에게 알리고 {N}일 이내에 {B|을} 업데이트하세요.',
    zh: '{A}发生变化时，请通知客户并在 {N} 天内更新{B}。',
    ja: '{A}が変更された場合は、顧客に通知し、{N} 日以内に{B}を更新してください。',
  },
  {
    en: 'Keep a record of every {A} so that you can answer questions about the {B} later.',
    ko: '나중에 {B|에} 관한 질문에 답할 수 있도록 모든 {A|을} 기록해 두세요.',
    zh: '请记录每一项{A}，以便日后回答有关{B}的问题。',
    ja: '後で{B}に関する質問に回答できるよう、すべての{A}を記録しておいてください。',
  },
  {
    en: 'Partners who resell subscriptions must explain the {A} and the {B} to their customers.',
    ko: '구독을 재판매하는 파트너는 고객에게 {A|과} {B|을} 설명해야 합니다.',
    zh: '转售订阅的合作伙伴必须向客户说明{A}和{B}。',
    ja: 'サブスクリプションを再販するパートナーは、{A}と{B}を顧客に説明する必要があります。',
  },
  {
    en: 'Most questions about the {A} can be answered from the {B} without opening a support request.',
    ko: '{A|에} 관한 대부분의 질문은 지원 요청을 열지 않고도 {B|에서} 답을 찾을 수 있습니다.',
    zh: '大多数有关{A}的问题都可以通过{B}解答，无需创建支持请求。',
    ja: '{A}に関するほとんどの質問は、サポート リクエストを作成しなくても{B}で解決できます。',
  },
  {
    en: 'A change to the {A} takes effect at the start of the next billing period and appears on the {B}.',
    ko: '{A|의} 변경 사항은 다음 청구 기간이 시작될 때 적용되며 {B|에} 표시됩니다.',
    zh: '对{A}的更改将在下一个计费周期开始时生效，并显示在{B}中。',
    ja: '{A}の変更は次の請求期間の開始時に有効になり、{B}に表示されます。',
  },
];

/** Short list items (procedures and bullet points). */
export const ITEMS: readonly Localized[] = [
  { en: 'Sign in to Partner Center and open the {A}.', ko: '파트너 센터에 로그인하고 {A|을} 엽니다.', zh: '登录合作伙伴中心并打开{A}。', ja: 'パートナー センターにサインインし、{A}を開きます。' },
  { en: 'Select the customer and check the {A}.', ko: '고객을 선택하고 {A|을} 확인합니다.', zh: '选择客户并检查{A}。', ja: '顧客を選択し、{A}を確認します。' },
  { en: 'Attach the {A} to the request.', ko: '요청에 {A|을} 첨부합니다.', zh: '将{A}附加到请求。', ja: 'リクエストに{A}を添付します。' },
  { en: 'Choose the severity level that matches the business impact of the {A}.', ko: '{A|의} 비즈니스 영향에 맞는 심각도 수준을 선택합니다.', zh: '选择与{A}的业务影响相符的严重级别。', ja: '{A}のビジネスへの影響に合った重大度レベルを選択します。' },
  { en: 'Write down the case number of the {A}.', ko: '{A|의} 사례 번호를 기록합니다.', zh: '记下{A}的案例编号。', ja: '{A}のケース番号を控えておきます。' },
  { en: 'Tell the customer when the {A} is resolved.', ko: '{A|이} 해결되면 고객에게 알립니다.', zh: '{A}解决后通知客户。', ja: '{A}が解決したら顧客に伝えます。' },
  { en: 'Review the {A} every month.', ko: '매월 {A|을} 검토합니다.', zh: '每月查看{A}。', ja: '毎月{A}を確認します。' },
  { en: 'Export the {A} for your own records.', ko: '자체 기록용으로 {A|을} 내보냅니다.', zh: '导出{A}以供自己留存。', ja: '自社の記録用に{A}をエクスポートします。' },
];

/** Section headings. */
export const HEADINGS: readonly Localized[] = [
  { en: 'Manage the {A}', ko: '{A} 관리', zh: '管理{A}', ja: '{A}の管理' },
  { en: 'The {A} and the {B}', ko: '{A|과} {B}', zh: '{A}和{B}', ja: '{A}と{B}' },
  { en: 'Review the {A}', ko: '{A} 검토', zh: '查看{A}', ja: '{A}の確認' },
  { en: 'Escalate the {A}', ko: '{A} 에스컬레이션', zh: '升级{A}', ja: '{A}のエスカレーション' },
  { en: 'Troubleshoot the {A}', ko: '{A} 문제 해결', zh: '排查{A}问题', ja: '{A}のトラブルシューティング' },
  { en: 'Responsibilities for the {A}', ko: '{A|에 대한} 책임', zh: '{A}的责任', ja: '{A}に関する責任' },
  { en: 'Before you change the {A}', ko: '{A|을} 변경하기 전에', zh: '更改{A}之前', ja: '{A}を変更する前に' },
];

/** Article titles. */
export const TITLES: readonly Localized[] = [
  { en: 'Manage the {A} for your customers', ko: '고객의 {A} 관리', zh: '为客户管理{A}', ja: '顧客の{A}の管理' },
  { en: 'Provide support for the {A}', ko: '{A|에 대한} 지원 제공', zh: '为{A}提供支持', ja: '{A}のサポートの提供' },
  { en: 'Escalate problems with the {A}', ko: '{A} 문제 에스컬레이션', zh: '升级{A}问题', ja: '{A}に関する問題のエスカレーション' },
  { en: 'Understand the {A} and the {B}', ko: '{A|과} {B} 이해', zh: '了解{A}和{B}', ja: '{A}と{B}について' },
  { en: 'Resolve questions about the {A}', ko: '{A} 관련 질문 해결', zh: '解决有关{A}的问题', ja: '{A}に関する質問の解決' },
];

/** One-sentence descriptions. */
export const DESCRIPTIONS: readonly Localized[] = [
  { en: 'How partners handle the {A} and the {B} for their customers, and when to escalate.', ko: '파트너가 고객의 {A|과} {B|을} 처리하는 방법과 에스컬레이션 시기를 설명합니다.', zh: '介绍合作伙伴如何为客户处理{A}和{B}，以及何时升级。', ja: 'パートナーが顧客の{A}と{B}を処理する方法と、エスカレーションのタイミングについて説明します。' },
  { en: 'What you need to know about the {A} before a customer asks about the {B}.', ko: '고객이 {B|에} 대해 문의하기 전에 {A|에} 관해 알아야 할 사항입니다.', zh: '在客户询问{B}之前，你需要了解的有关{A}的信息。', ja: '顧客から{B}について問い合わせがある前に、{A}について知っておくべきこと。' },
];

export const CALLOUTS: readonly Localized[] = [
  { en: 'Keep the {A} up to date: an outdated {B} delays every escalation.', ko: '{A|을} 최신 상태로 유지하세요. 오래된 {B|은} 모든 에스컬레이션을 지연시킵니다.', zh: '请使{A}保持最新：过时的{B}会延迟每一次升级。', ja: '{A}を最新の状態に保ってください。古い{B}はすべてのエスカレーションを遅らせます。' },
  { en: 'Customers cannot open a support request for the {A} themselves; every request comes from you.', ko: '고객은 {A|에} 대한 지원 요청을 직접 열 수 없으며 모든 요청은 귀사를 통해 접수됩니다.', zh: '客户无法自行为{A}创建支持请求；所有请求都由你提交。', ja: '顧客が{A}に関するサポート リクエストを自分で作成することはできません。すべてのリクエストはパートナーから送信されます。' },
];

/** Sentences with a cloud fact; the component is the same in every locale. */
export const FACT_SENTENCES: readonly Localized[] = [
  { en: 'In this cloud, the services are operated by <CloudFact name="operator" />.', ko: '이 클라우드에서는 <CloudFact name="operator" />에서 서비스를 운영합니다.', zh: '在此云中，服务由<CloudFact name="operator" />运营。', ja: 'このクラウドでは、<CloudFact name="operator" /> がサービスを運営しています。' },
  { en: 'You pay <CloudFact name="paymentRecipient" /> for the subscriptions of your customers.', ko: '귀사는 고객의 구독 요금을 <CloudFact name="paymentRecipient" />에 지불합니다.', zh: '你需要为客户的订阅向<CloudFact name="paymentRecipient" />付款。', ja: '顧客のサブスクリプションの料金は <CloudFact name="paymentRecipient" /> に支払います。' },
  { en: 'Problems you cannot resolve go to <CloudFact name="escalationContact" />.', ko: '해결할 수 없는 문제는 <CloudFact name="escalationContact" />에 전달됩니다.', zh: '你无法解决的问题将提交给<CloudFact name="escalationContact" />。', ja: '解決できない問題は <CloudFact name="escalationContact" /> に送られます。' },
];

/** The sentence only a 21Vianet variant has. */
export const CHINA_SENTENCE: Localized = {
  en: 'In the Partner Center operated by 21Vianet, the {A} is handled by {OP}, and the {B} follows local regulations.',
  ko: '21Vianet에서 운영하는 파트너 센터에서는 {OP}에서 {A|을} 처리하며 {B|은} 현지 규정을 따릅니다.',
  zh: '在由世纪互联运营的合作伙伴中心中，{A}由{OP}处理，{B}遵循当地法规。',
  ja: '21Vianet が運営するパートナー センターでは、{A}は {OP} が処理し、{B}は現地の規制に従います。',
};

/** How a link is introduced in a sentence; `{LINK}` is the Markdown link. */
export const LINK_SENTENCES: readonly Localized[] = [
  { en: 'For details, see {LINK}.', ko: '자세한 내용은 {LINK} 문서를 참조하세요.', zh: '有关详细信息，请参阅{LINK}。', ja: '詳細については、{LINK} を参照してください。' },
  { en: 'If the customer also asks about this, follow {LINK}.', ko: '고객이 이에 대해서도 문의하면 {LINK} 절차를 따르세요.', zh: '如果客户也询问此事，请按照{LINK}操作。', ja: '顧客からこの点についても問い合わせがあった場合は、{LINK} の手順に従ってください。' },
  { en: 'This works the same way as described in {LINK}.', ko: '이 작업은 {LINK}에 설명된 방식과 같습니다.', zh: '其工作方式与{LINK}中所述相同。', ja: 'これは {LINK} で説明されている方法と同じです。' },
];

export const SEE_ALSO: Localized = { en: 'See also', ko: '참고 항목', zh: '另请参阅', ja: '関連項目' };

/** Navigation section titles. */
export const NAV_TITLES: readonly Localized[] = [
  { en: 'Billing support', ko: '청구 지원', zh: '账单支持', ja: '請求サポート' },
  { en: 'Technical support', ko: '기술 지원', zh: '技术支持', ja: '技術サポート' },
  { en: 'Escalation', ko: '에스컬레이션', zh: '升级', ja: 'エスカレーション' },
  { en: 'Self-support', ko: '자가 지원', zh: '自助支持', ja: 'セルフサポート' },
  { en: 'Subscriptions and licenses', ko: '구독 및 라이선스', zh: '订阅和许可证', ja: 'サブスクリプションとライセンス' },
  { en: 'Customer communication', ko: '고객 커뮤니케이션', zh: '客户沟通', ja: '顧客とのコミュニケーション' },
];

/** Realistic search queries, as readers type them (Korean with particles, prepared before search). */
export const QUERIES: Localized = {
  en: 'escalate billing dispute',
  ko: '청구 분쟁을 에스컬레이션',
  zh: '账单争议',
  ja: '請求に関する紛争',
};
