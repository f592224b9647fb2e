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
var Functions = []Function{Finance, Sales, Marketing, Product, People, Legal, Operations, CustomerSuccess, Engineering, Other}

// Label is the function's name as a person reads it.
func (f Function) Label() string {
	switch f {
	case Finance:
		return "Finance"
	case Sales:
		return "Sales"
	case Marketing:
		return "Marketing"
	case Product:
		return "Product"
	case People:
		return "People"
	case Legal:
		return "Legal"
	case Operations:
		return "Operations"
	case CustomerSuccess:
		return "Customer Success"
	case Engineering:
		return "Engineering"
	case Other:
		return "Other"
	}
	return ""
}

// Valid reports whether f is one of Functions.
func (f Function) Valid() bool {
	return f.Label() != ""
}
