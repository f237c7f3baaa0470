{{%AUTOESCAPE context="HTML"}}{{>HEAD}}
<nav class="crumbs"><a href="/">首页</a> › 地图</nav>
<h1>地图：{{HEADING}}</h1>
<nav class="map-tabs" aria-label="地图指标">{{#MEASURE_TAB}}<a class="chip{{#CURRENT}} active{{/CURRENT}}" href="{{URL}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a>{{/MEASURE_TAB}}</nav>
{{#YEAR_FORM}}<form class="filters-form map-form" action="/ditu" method="get">
<input type="hidden" name="zhibiao" value="{{MEASURE}}">
<div class="row"><label>年份<select name="year">{{#YEAR_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>{{/YEAR_OPTION}}</select></label><button type="submit">查看</button></div>
</form>
<p class="filters">年份：{{#YEAR_LINK}}<a class="chip{{#ACTIVE}} active{{/ACTIVE}}" href="{{URL}}">{{YEAR}}</a>{{/YEAR_LINK}}</p>{{/YEAR_FORM}}
<p class="muted">{{DEFINITION}}</p>
{{#NO_DOCUMENTS}}<p class="muted">还没有收录省级地区的报告。</p>{{/NO_DOCUMENTS}}
<figure class="tile-figure">
<ul class="tile-map" aria-label="各省（区、市）{{MEASURE_LABEL}}方格地图">
{{#TILE}}<li class="tile r{{ROW}} c{{COLUMN}} q{{CLASS}}"><a{{#TILE_LINK}} href="{{URL}}"{{/TILE_LINK}} data-code="{{CODE}}" title="{{FULL_NAME}}：{{VALUE}}"><b>{{NAME}}</b><span>{{VALUE}}</span></a></li>
{{/TILE}}</ul>
<figcaption>
<ol class="map-legend" aria-label="图例：{{MEASURE_LABEL}}">{{#LEGEND}}<li><span class="swatch q{{CLASS}}"></span>{{LABEL}}</li>{{/LEGEND}}<li><span class="swatch q0"></span>暂无数据</li></ol>
<p class="muted">示意图：每个方格代表一个省级行政区，按地理方位大致排列，不表示边界和面积。颜色越深数值越高。点击方格查看该地区。</p>
</figcaption>
</figure>
<h2>数据表</h2>
<p class="muted"><a href="{{JSON_URL}}">JSON</a></p>
<div class="table-scroll"><table class="data map-table">
<thead><tr><th scope="col">地区</th>{{#COLUMN}}<th scope="col">{{NAME}}</th>{{/COLUMN}}</tr></thead>
<tbody>{{#ROW}}<tr><th scope="row">{{#PLACE_LINK}}<a href="{{URL}}">{{/PLACE_LINK}}{{NAME}}{{#PLACE_LINK}}</a>{{/PLACE_LINK}}</th>{{#CELL}}<td class="{{KIND}}">{{#CELL_LINK}}<a href="{{URL}}">{{/CELL_LINK}}{{TEXT}}{{#CELL_LINK}}</a>{{/CELL_LINK}}</td>{{/CELL}}</tr>
{{/ROW}}</tbody></table></div>
{{>FOOT}}
