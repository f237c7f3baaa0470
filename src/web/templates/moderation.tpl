{{%AUTOESCAPE context="HTML"}}{{>HEAD}}
<h1>评论审核</h1>
<p class="muted">{{NAME}}，你好。待审核 {{COUNT}} 条。</p>
<form method="post" action="/guanli/tuichu" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="quiet">退出登录</button></form>
{{#NONE}}<p>没有待审核的评论。</p>{{/NONE}}
<ol class="queue" start="{{START}}">{{#ITEM}}<li>
<p class="who"><b>{{AUTHOR}}</b> <time>{{TIME}}</time> · <a href="{{DOC_URL}}">{{DOC_TITLE}}</a></p>
<p class="body">{{BODY}}</p>
<form method="post" action="/guanli/pinglun/{{ID}}" class="actions">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="page" value="{{PAGE}}">
<button name="action" value="approve">通过</button>
<button name="action" value="reject" class="quiet">拒绝</button>
<button name="action" value="delete" class="danger">删除</button>
</form>
</li>{{/ITEM}}</ol>
{{>PAGER}}
{{>FOOT}}
