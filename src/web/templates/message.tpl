{{%AUTOESCAPE context="HTML"}}{{>HEAD}}
<section class="message">
<h1>{{HEADING}}</h1>
<p>{{MESSAGE}}</p>
{{#BACK}}<p><a href="{{URL}}">返回</a></p>{{/BACK}}
<p><a href="/">回到首页</a></p>
</section>
{{>FOOT}}
