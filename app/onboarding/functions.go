package onboarding

// Function is an executive's area: what tailors the examples and the
// default rows of the role agreement.
type Function string

// The functions a new executive can lead.
const (
	Finance         Function = "finance"
	Sales           Function = "sales"
	Marketing       Function = "marketing"
	Product         Function = "product"
	People          Function = "people"
	Legal           Function = "legal"
	Operations      Function = "operations"
	CustomerSuccess Function = "customer-success"
	Engineering     Function = "engineering"
	Other           Function = "other"
)

// Functions lists every function in the order forms offer them.
var Functions = functionLabels.values()

// functionLabels holds each value with its words.
var functionLabels = labelled[Function]{
	{Finance, "Finance"},
	{Sales, "Sales"},
	{Marketing, "Marketing"},
	{Product, "Product"},
	{People, "People"},
	{Legal, "Legal"},
	{Operations, "Operations"},
	{CustomerSuccess, "Customer Success"},
	{Engineering, "Engineering"},
	{Other, "Other"},
}

// Label is the function's name as a person reads it.
func (f Function) Label() string { return functionLabels.label(f, "") }

// Valid reports whether f is one of Functions.
func (f Function) Valid() bool {
	return f.Label() != ""
}
