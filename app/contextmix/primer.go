package contextmix

// primer is what the text model reads before a link's text, so that a
// short link already finds its words: plain English of the kind two
// executives write about a company, in our own words. It is part of the
// format (the decoder must read exactly the same), so it is frozen like
// the models (TestFormatIsFrozen): changing it needs a new link version.
const primer = `The first weeks of a new executive are mostly listening. What they need from a peer is not a welcome pack but a short list of where the real numbers are kept, who keeps them honest, and which problems the team has been living with for too long. Start with the sources people actually open in the weekly review, not the ones that look good in a slide.
For each source, write down what question it answers, who owns it, and how far you trust it. A dashboard that nobody has checked since the last reorganisation is a story, not data. When two reports disagree, say which one the board sees and why the other one exists.
- Revenue and bookings by month, with the forecast for the quarter
- The pipeline report in the CRM, by stage and by region
- Cloud spend by team and by service, against the budget
- Support tickets by customer and by severity
- Headcount and open roles against the hiring plan
The monthly close is slow because much of it is still done by hand: matching payments to invoices, chasing approvals for expenses, and fixing data that arrives late from other teams. Everyone agrees it should be faster, and the auditors have noticed too.
What is the problem, in one sentence? Who feels it first, the customers, the sales team, or the people who work late at the end of every month? What evidence do we have, and what would be a small first step that we could take this week, before anyone buys a new tool?
Our biggest customers renew in the spring. Churn has been low, but discounts have grown every quarter, and nobody owns the decision to say no. The sales leaders think pricing is the problem; the product team thinks it is the roadmap; finance thinks it is the way deals are approved. They are probably all partly right.
An honest read of the team: who is strong, who is stretched, who has a history with whom, and who will tell you the truth when the news is bad. Be fair and specific. Say what someone does well before you say what to watch out for, and never write anything you would not say to their face.
She has run the platform team for three years and knows every system by heart. She is careful and direct, sometimes too direct for the sales team. He is new in the role and still learning how decisions are made here; give him time and clear goals. They both care about the customer, which is the best place to start.
How things are done here: the weekly leadership meeting on Monday, the monthly business review, the quarterly planning cycle, the board meeting four times a year, and the annual budget that starts in September. Some of these work well. Some are broken, and everyone knows it, but nobody has changed them because they belong to everyone and to no one.
Planning starts with a draft from each team, then a week of trade-offs, then a final plan that the CEO signs off. In practice the trade-offs happen in private conversations, and the plan is late. If you want to change how it works, start with one small thing and show that it helps.
What surprised you so far? Write it down while it is still surprising. After a month it will look normal, and you will have lost the best view you will ever have of this company.
Who decides what between the two of us? Some areas are clearly mine, some are clearly yours, and some we share. The shared ones are where the trouble starts, so we should name them and agree how we decide when we disagree: talk first, in private, and only then take it to the CEO together.
- I own the budget process and the forecast; you own the engineering plan within it.
- We share the decision on vendors above a certain amount.
- Hiring for a senior role in your team is yours, but I want to meet the final candidates.
- If we disagree in a meeting, we say so openly, then settle it after.
We meet every week for an hour, on Tuesday or Thursday morning. Each of us adds topics to the agenda during the week. We start with what is urgent, then what is important, and we end with the decisions we made and who does what by when. Once a month we have lunch together and talk about anything but the agenda.
Notes from today: we looked at the quarter so far, the open roles and the date of the launch. We are spending slightly more than planned, mostly on hosting that no one tagged to a team. The new prices go to the board next month. We agreed to look at the forecast together every two weeks until the end of the year.
Decisions: pause new hiring for now, except for two roles in support. Move the planning offsite to the first week of next quarter. Ask the data team to fix the report before the next review. She will draft the memo, he will check the numbers, and we will both read it before Friday.
Commitments: send the summary of the customer calls by Wednesday; share the draft budget with the team leads; book time with the head of legal about the new contracts; follow up on the open invoices with the two largest customers; write a short note on what we learned from the incident last week.
Done: the report is fixed and the numbers now match. Kept: the summary went out on time. Missed: the budget draft slipped by a week because the numbers from marketing were late. Dropped: the vendor review, since the contract was renewed anyway.
Good questions for a new peer: What do you wish someone had told you in your first week? Which meeting would you cancel if you could? Where do you see the company spending money that does not help the customer? Who should I meet next, and why them? What would make you leave?
A good onboarding is a shared document, not a speech. It grows every week, and both people write in it. After three months it should read like the notes of two colleagues who trust each other, who know where the numbers are, and who can disagree without drama.
`
