/**
 * The settlement engine's plain Java: the policy configuration reader ({@link
 * org.yidan.policy.control.PolicyConfigReader}), the pure calculator ({@link
 * org.yidan.policy.control.SettlementCalculator}) and the rounding rule ({@link org.yidan.policy.control.Money}).
 * No Jakarta EE, no MicroProfile: the boundary passes configuration in as a function and settles inside its own
 * transaction.
 *
 * <h2>Where each shipped rule comes from</h2>
 * The profiles in {@code yidan-policies.properties} (seeds under {@code shared/seeds/}). A number the document
 * leaves open is never invented: such a fund is an {@code EXTERNAL} rule whose amount the adjudicating system
 * sends.
 *
 * <h3>沂源县 370323, 2020: seed 004, 源医保发〔2020〕8号</h3>
 * <ul>
 *   <li>Funds and their order: 二, "确保贫困人口基本医保、大病保险、医疗救助、医疗机构减免、医疗商业补充保险（特惠保）、
 *       重特大疾病再救助‘一站式服务、一窗口办理、一单制结算’".</li>
 *   <li>{@code basic}, {@code hospital-reduction}, {@code commercial} (EXTERNAL): the document names these funds but
 *       sets no ratio for them.</li>
 *   <li>{@code critical}: 三(二)二, "医保扶贫对象大病保险起付线降至 5000 元，取消封顶线。对个人负担的合规医疗费用，经基本医保
 *       报销后，达到 5000 元以上的部分给予补偿：5000 元以上、10 万元以下的部分给予 65%补偿；10 万元及以上、30 万元以下的部分
 *       给予 75%补偿；30 万及以上的部分给予 85%补偿。"</li>
 *   <li>{@code critical-special-drug}: 三(二)二, "贫困人口使用大病保险特药不设起付线，报销比例为 60%，封顶线为 20 万元。"</li>
 *   <li>{@code assistance-tekun-dibao}: 三(二)三, "对低保对象、特困人员经基本医保、大病保险报销后个人负担的政策范围内住院
 *       费用，不设救助起付线，给予不低于 80%的救助，救助限额不低于 2 万元。" (the floors 80% and 20000 are shipped; a county
 *       that pays more overrides them).</li>
 *   <li>{@code assistance-low-income}: 三(二)三, "低保边缘家庭救助对象、低收入家庭救助对象、扶贫建档立卡贫困人口纳入统筹
 *       住院医疗费用经报销后的个人负担部分达到 1 万元（含）以上，按照 40%给予救助，年救助封顶线 1 万元。" It also serves
 *       即时帮扶人员 (三(一), "将县扶贫办明确的 34079 名脱贫享受政策人员和 1005 名即时帮扶人员纳入医保扶贫范围") and those taken
 *       in temporarily (三(二)六, "及时纳入临时医保扶贫范围……按医保扶贫对象标准落实各项倾斜政策").</li>
 *   <li>{@code assistance-illness-poverty}: 三(二)三, "因病致贫家庭重病患者，纳入统筹住院医疗费用经报销后的个人负担部分达到
 *       3 万元（含）以上，按照 20%给予救助，年救助封顶线 1 万元。"</li>
 *   <li>Group {@code assistance}: the three sentences above are alternatives for one person, in the document's
 *       order; a DIBAO person who is also REGISTERED_POOR gets the DIBAO rule only.</li>
 *   <li>{@code re-assistance}: 三(二)四, "对贫困人口一个医疗年度政策范围内住院医疗费用，经基本医保、大病保险、医疗救助、
 *       医疗机构减免、医疗商业补充保险‘五重保障’报销后剩余个人承担的部分，超过 5000 元以上的部分按照 70%的比例给予再救助，
 *       年度累计救助限额不超过 2 万元。"</li>
 *   <li>Chronic-disease approvals count from the next day: 三(二)五, "办结后次日享受待遇"
 *       ({@link org.yidan.policy.entity.PersonSnapshot#asOf}).</li>
 * </ul>
 *
 * <h3>会宁县 620422, 2018: seed 001, 会卫计发〔2018〕203号</h3>
 * <ul>
 *   <li>{@code basic}, {@code critical} (EXTERNAL): the document asks for the lowered critical-illness deductible
 *       ("落实建档立卡贫困人口大病保险报销起付线降低政策") without numbers.</li>
 *   <li>{@code critical-chronic-85} (TARGET_RATIO 0.85): 三(一), "确保门诊慢特病患者享受大病补偿政策，实际补偿比达到 85%以上。"</li>
 *   <li>{@code assistance-backstop}: 三(一), "建档立卡贫困人口住院合规医疗费用，经基本医保、大病保险报销后，个人自负合规
 *       费用年累计超过 3000 元以上部分，由民政部门通过医疗救助兜底解决。" Categories: the attachments' "建档立卡贫困人口及农村
 *       兜底保障户" (REGISTERED_POOR, DIBAO, TEKUN).</li>
 * </ul>
 *
 * <h3>临沂高新区 371371, 2017: seed 002, 临沂高新区健康扶贫工作汇报</h3>
 * <ul>
 *   <li>Funds and their order: 三(4), "建立基本医险、大病保险、医疗减免、商业补充保险、民政医疗救助‘一站式’结算模式".</li>
 *   <li>{@code basic-essential-drugs}: 三(3), "对经认定患有高血压、糖尿病或重性精神病患者在乡镇卫生院或社区卫生服务中心门诊
 *       治疗，使用的 23 种国家基本药物不设起付线，按 100%比例予以报销。"</li>
 *   <li>{@code critical}: 三(6), "落实大病保险‘一降两提一免’政策，起付线由 1.2 万元降为 0.6 万元；0.6 万元至 10 万元，报销比例由
 *       50%提高到 55%，10 万元至 20 万元，报销比例由 60%提高到 65%，20 万元以上的部分报销比例由 65%提高到 70%，年度报销限额由
 *       30 万元提高到 50 万元".</li>
 *   <li>{@code critical-special-drug}: 三(6), "对使用 18 种‘特殊药品’的贫困人口，免起付线。" Same ratios and the same
 *       annual limit as critical illness (cap key {@code critical-cap}).</li>
 *   <li>{@code reduction-inpatient}, {@code reduction-free-fees}, {@code reduction-half-fees}: 三(7), "实行‘两免两减半’（免收贫困
 *       患者个人自付的普通门诊挂号费、诊查费，门诊专家门诊诊查费、大型设备检查费减半收取）优惠政策；住院治疗的，落实经基本医保、
 *       大病保险报销后个人自付部分由医疗机构减免 10%优惠政策。"</li>
 *   <li>{@code commercial}, {@code assistance} (EXTERNAL): 三(8) buys commercial supplementary insurance and names civil
 *       affairs assistance, without ratios.</li>
 * </ul>
 */
package org.yidan.policy.control;
