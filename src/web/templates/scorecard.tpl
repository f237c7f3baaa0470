{{%AUTOESCAPE context="HTML"}}{{>HEAD}}
<nav class="crumbs"><a href="/">首页</a> › <a href="/genzong/">目标跟踪</a> › <a href="{{PLACE_URL}}">{{PLACE}}</a></nav>
<h1>{{PLACE}} 目标跟踪</h1>
<p class="muted">本地区历年政府工作报告中的量化目标，与次年报告回顾和统计公报中的实际数字对照（只含本级报告，不含下辖地区）。已核验 = 判定为达成、未达成或部分达成（几项称号中部分获得）的目标，括号内是占全部目标的比例，“其中达成”后是占已核验的比例；判定少于5条时只列条数。未提及：已有当年统计公报或次年政府工作报告，但其中没有这项指标的实际数字；待核实：还没有这样的来源，或实际数字无法与目标比较。</p>
<p class="downloads"><a href="{{PLACE_URL}}">本地区报告</a><a href="{{CHANGES_URL}}">与上年目标对比</a><a href="{{COMPARE_URL}}">与其他地区对比</a><a href="/genzong/jiama">层层加码</a><a href="{{CSV_URL}}">逐条目标 CSV</a><a href="{{JSON_URL}}">JSON</a></p>
{{#EMPTY}}<p class="muted">本地区的报告中还没有提取到目标。</p>{{/EMPTY}}
{{#SUMMARY}}<p class="summary">共 {{TOTAL}} 条目标：<span class="status met">达成 {{MET}}</span> <span class="status missed">未达成 {{MISSED}}</span> <span class="status partly_met">部分达成 {{PARTLY_MET}}</span> <span class="status not_mentioned">未提及 {{NOT_MENTIONED}}</span> <span class="status unverified">待核实 {{UNVERIFIED}}</span> <span class="status not_assessable">不可评估 {{NOT_ASSESSABLE}}</span> · {{RATE}}</p>{{/SUMMARY}}
{{#YEARS}}<section class="scorecard-years"><h2>按年份</h2>
<div class="table-scroll"><table class="data">
<thead><tr><th>年份</th><th>目标</th><th>达成</th><th>未达成</th><th>部分达成</th><th>未提及</th><th>待核实</th><th>不可评估</th><th>核验与达成</th></tr></thead>
<tbody>{{#ROW}}<tr><td>{{YEAR}}</td><td class="num">{{TOTAL}}</td><td class="num">{{MET}}</td><td class="num">{{MISSED}}</td><td class="num">{{PARTLY_MET}}</td><td class="num">{{NOT_MENTIONED}}</td><td class="num">{{UNVERIFIED}}</td><td class="num">{{NOT_ASSESSABLE}}</td><td class="rate">{{RATE}}</td></tr>
{{/ROW}}</tbody></table></div>
<figure class="chart tracking-chart"><figcaption>各年目标完成情况</figcaption><div class="chart-box" data-tracking="years" data-values="{{CHART_JSON}}"></div></figure>
</section>{{/YEARS}}
{{#TOPICS}}<section class="scorecard-topics"><h2>按领域</h2>
<div class="table-scroll"><table class="data">
<thead><tr><th>领域</th><th>目标</th><th>达成</th><th>未达成</th><th>部分达成</th><th>未提及</th><th>待核实</th><th>不可评估</th><th>核验与达成</th></tr></thead>
<tbody>{{#ROW}}<tr><td>{{TOPIC}}</td><td class="num">{{TOTAL}}</td><td class="num">{{MET}}</td><td class="num">{{MISSED}}</td><td class="num">{{PARTLY_MET}}</td><td class="num">{{NOT_MENTIONED}}</td><td class="num">{{UNVERIFIED}}</td><td class="num">{{NOT_ASSESSABLE}}</td><td class="rate">{{RATE}}</td></tr>
{{/ROW}}</tbody></table></div>
</section>{{/TOPICS}}
{{#SERIES}}<section class="series"><h2>{{INDICATOR}}（{{MEASURE}}，{{UNIT}}）</h2>
<p class="muted"><a href="{{ESCALATION_URL}}">各级对比（层层加码）</a></p>
<div class="table-scroll"><table class="data">
<thead><tr><th>年份</th><th>目标原文</th><th>目标值</th><th>实际</th><th>完成情况</th></tr></thead>
<tbody>{{#POINT}}<tr><td>{{YEAR}}</td><td class="quote">{{TARGET_TEXT}}</td><td class="num">{{TARGET}}</td><td class="num">{{OUTCOME}}</td><td><span class="status {{STATUS_KEY}}">{{STATUS}}</span></td></tr>
{{/POINT}}</tbody></table></div>
<figure class="chart tracking-chart"><figcaption>{{INDICATOR}}：目标与实际</figcaption><div class="chart-box" data-tracking="series" data-values="{{CHART_JSON}}"></div></figure>
</section>{{/SERIES}}
<script defer src="/static/tracking.js"></script>
{{>FOOT}}
