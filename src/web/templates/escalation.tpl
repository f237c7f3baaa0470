{{%AUTOESCAPE context="HTML"}}{{>HEAD}}
<nav class="crumbs"><a href="/">首页</a> › <a href="/genzong/">目标跟踪</a> › 层层加码</nav>
<h1>层层加码：{{INDICATOR_NAME}} {{YEAR}}年目标</h1>
<p class="muted">同一指标、同一年份，从全国到省、市、县各级政府的目标并列对照；“加码”是本级目标减去最近一个设定了目标的上级目标（增速、比率为百分点）。</p>
<form class="filters-form" action="/genzong/jiama" method="get">
<div class="row">
<label>指标<select name="indicator">{{#INDICATOR_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/INDICATOR_OPTION}}</select></label>
<label>年份<select name="year">{{#YEAR_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>{{/YEAR_OPTION}}</select></label>
<button type="submit">查看</button>
</div>
</form>
<p class="filters">年份：{{#YEAR_LINK}}<a class="chip{{#ACTIVE}} active{{/ACTIVE}}" href="{{URL}}">{{YEAR}}</a>{{/YEAR_LINK}}</p>
{{#NO_DOCUMENTS}}<p class="muted">还没有导入报告。</p>{{/NO_DOCUMENTS}}
{{#EMPTY}}<p class="muted">没有找到 {{YEAR}} 年“{{INDICATOR_NAME}}”的目标。</p>{{/EMPTY}}
{{#TABLE}}
<p class="muted">比较口径：{{MEASURE}} · <a href="{{CSV_URL}}">导出 CSV</a> · <a href="{{JSON_URL}}">JSON</a></p>
<div class="table-scroll"><table class="data escalation">
<thead><tr><th>层级</th><th>地区</th><th>目标原文</th><th>目标值</th><th>上级</th><th>加码</th><th>完成情况</th></tr></thead>
<tbody>{{#ROW}}<tr><td>{{LEVEL}}</td><td>{{INDENT}}<a href="{{SCORECARD_URL}}">{{PLACE}}</a></td><td class="quote"><a href="{{REPORT_URL}}">{{TARGET}}</a></td><td class="num">{{VALUE}}</td><td>{{PARENT}}</td><td class="num">{{#MARKUP}}<span class="markup {{CLASS}}">{{LABEL}}</span>{{/MARKUP}}</td><td><span class="status {{STATUS_KEY}}">{{STATUS}}</span></td></tr>
{{/ROW}}</tbody></table></div>
<figure class="chart tracking-chart"><figcaption>各级目标值（{{MEASURE}}）</figcaption><div class="chart-box" data-tracking="escalation" data-values="{{CHART_JSON}}"></div></figure>
{{/TABLE}}
<script defer src="/static/tracking.js"></script>
{{>FOOT}}
