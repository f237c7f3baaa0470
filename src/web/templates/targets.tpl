{{%AUTOESCAPE context="HTML"}}{{>HEAD}}
<h1>量化目标</h1>
<form class="filters-form" action="/targets" method="get">
<div class="row">
<label>领域<select name="topic"><option value="">全部</option>{{#TOPIC_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>{{/TOPIC_OPTION}}</select></label>
<label>指标<input name="indicator" value="{{INDICATOR}}" list="known-indicators" placeholder="选择或输入，如 地区生产总值、粮食"></label>
<datalist id="known-indicators">{{#KNOWN_INDICATOR}}<option value="{{NAME}}">{{/KNOWN_INDICATOR}}</datalist>
<label>地区<input name="region" value="{{REGION}}" placeholder="名称或代码，含下级"></label>
</div>
<div class="row">
<label>级别<select name="level">{{#LEVEL}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/LEVEL}}</select></label>
<label>年份<input name="year_min" aria-label="起始年份" value="{{YEAR_MIN}}" size="4" inputmode="numeric" placeholder="起">–<input name="year_max" aria-label="截止年份" value="{{YEAR_MAX}}" size="4" inputmode="numeric" placeholder="止"></label>
<label>力度<select name="strength">{{#STRENGTH_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/STRENGTH_OPTION}}</select></label>
<button type="submit">筛选</button>
</div>
</form>
{{#ERROR}}<p class="error">{{MESSAGE}}</p>{{/ERROR}}
{{#RESULTS}}
<p class="muted">共 {{TOTAL}} 条目标 · <a href="{{CSV_URL}}">导出 CSV</a></p>
<div class="charts">
<figure class="chart"><figcaption>各领域目标数</figcaption><div class="chart-box" data-chart="bar" data-series="{{TOPIC_JSON}}"></div>
<table class="data compact"><tbody>{{#TOPIC_COUNT}}<tr><td><a href="{{URL}}">{{KEY}}</a></td><td class="num">{{COUNT}}</td></tr>{{/TOPIC_COUNT}}</tbody></table></figure>
{{#INDICATOR_CHART}}<figure class="chart"><figcaption>“{{INDICATOR}}”目标值（{{UNIT}}）</figcaption><div class="chart-box" data-chart="scatter" data-series="{{SERIES_JSON}}"></div></figure>{{/INDICATOR_CHART}}
</div>
<div class="table-scroll"><table class="data">
<thead><tr><th>报告</th><th>年份</th><th>指标</th><th>目标值</th><th>比较</th><th>力度</th><th>期限</th><th>领域</th><th>原文</th></tr></thead>
<tbody>{{#ROW}}<tr><td><a href="{{URL}}">{{PLACE}}</a></td><td>{{YEAR}}</td><td>{{INDICATOR}}</td><td class="num">{{VALUE}}</td><td>{{CMP}}</td><td>{{#STRENGTH}}<span class="strength {{KEY}}">{{LABEL}}</span>{{/STRENGTH}}</td><td>{{DEADLINE}}</td><td>{{TOPIC}}</td><td class="quote">{{TEXT}}</td></tr>
{{/ROW}}</tbody></table></div>
{{>PAGER}}
{{/RESULTS}}
{{>FOOT}}
